import { Text, View } from '@tarojs/components';
import type { RecordChange } from '@beian/shared';
import { pathId } from '../../utils/draft-path.util';
import { displayValue } from './field-rows.util';

/** 变更备案 / 变更服务: what the order changes in the approved record, field by field. */
export function RecordDiff({ changes }: { changes: RecordChange[] }) {
  return (
    <View className='card' id='record-diff'>
      <Text className='card-title'>变更内容：已备案信息 → 本次申请（{changes.length} 项）</Text>
      {changes.length === 0 && <Text className='hint'>申请未变更任何已备案信息</Text>}
      {changes.map((change) => (
        <View className='staff-row' key={change.path} id={`record-diff-${pathId(change.path)}`}>
          <View className='staff-cell'>
            <Text>{change.label}</Text>
          </View>
          <View className='staff-cell-wide'>
            <Text className='diff-before field-value'>{displayValue(change.path, change.before)}</Text>
            <Text> → </Text>
            <Text className='diff-after field-value'>{displayValue(change.path, change.after)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
