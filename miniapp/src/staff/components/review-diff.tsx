import { Text, View } from '@tarojs/components';
import { fieldLabel, type DraftChange, type OrderRejection } from '@beian/shared';
import { pathId } from '../../utils/draft-path.util';
import { displayValue } from './field-rows.util';

/** What the applicant changed since the last review, next to the reasons they were given. */
export function ReviewDiff({ changes, lastRejections }: { changes: DraftChange[]; lastRejections: OrderRejection[] }) {
  return (
    <View className='card' id='review-diff'>
      <Text className='card-title'>重新提交：自上次审核以来的修改（{changes.length} 项）</Text>
      {changes.length === 0 && <Text className='hint'>申请人未修改任何字段</Text>}
      {changes.map((change) => (
        <View className='staff-row' key={change.path} id={`diff-${pathId(change.path)}`}>
          <View className='staff-cell'>
            <Text>{fieldLabel(change.path)}</Text>
          </View>
          <View className='staff-cell-wide'>
            <Text className='diff-before field-value'>{displayValue(change.path, change.before)}</Text>
            <Text> → </Text>
            <Text className='diff-after field-value'>{displayValue(change.path, change.after)}</Text>
          </View>
        </View>
      ))}
      {lastRejections.length > 0 && (
        <View>
          <Text className='hint'>上次驳回原因：</Text>
          {lastRejections.map((rejection) => (
            <Text className='hint' key={rejection.path ?? rejection.kind}>
              {rejection.path ? fieldLabel(rejection.path) : '订单'}：{rejection.reason}
              {rejection.suggestion ? `（建议：${rejection.suggestion}）` : ''}
            </Text>
          ))}
        </View>
      )}
    </View>
  );
}
