import { Button, Input, Text, View } from '@tarojs/components';
import { fieldLabel, type ReviewOrderDetail } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { useReviewStore } from '../../stores/review.store';
import { pathId } from '../../utils/draft-path.util';
import { displayValue, fieldRows, isMasked } from './field-rows.util';

/** Every field of the order (masked), with "查看" through an audited link and a per-field rejection editor. */
export function ReviewFields({ order, decidable }: { order: ReviewOrderDetail; decidable: boolean }) {
  const revealed = useReviewStore((state) => state.revealed);
  const rejections = useReviewStore((state) => state.rejections);
  const busy = useReviewStore((state) => state.busy);
  const store = useReviewStore.getState();
  const rejectedBefore = new Set(order.lastRejections.map((rejection) => rejection.path));

  return (
    <View className='card' id='review-fields'>
      <Text className='card-title'>申请信息</Text>
      {fieldRows(order.draft).map(({ path, text }) => {
        const id = pathId(path);
        const shown = revealed[path];
        const rejection = rejections[path];
        return (
          <View className='staff-row' key={path} id={`field-${id}`}>
            <View className='staff-cell'>
              <Text>{fieldLabel(path)}</Text>
            </View>
            <View className='staff-cell-wide'>
              <Text className={`field-value${shown ? ' revealed' : ''}`} id={`value-${id}`}>
                {shown ? displayValue(path, shown.value) : text}
              </Text>
              {rejectedBefore.has(path) && <Text className='tag tag-warn'>上次驳回</Text>}
            </View>
            <View className='staff-cell staff-actions'>
              {isMasked(text) && !shown && (
                <Button size='mini' id={`reveal-${id}`} {...busyButtonProps(busy)} onClick={() => void store.reveal(path)}>
                  查看
                </Button>
              )}
              {decidable && (
                <Button size='mini' id={`reject-${id}`} type={rejection ? 'warn' : 'default'} onClick={() => store.toggleRejection(path)}>
                  {rejection ? '取消驳回' : '驳回'}
                </Button>
              )}
            </View>
            {rejection && (
              <View className='rejection-editor'>
                <Input
                  className='field-input'
                  id={`reason-${id}`}
                  placeholder='驳回原因，如：网站名称不能使用“官网”等词'
                  value={rejection.reason}
                  onInput={(event) => store.editRejection(path, { reason: event.detail.value })}
                />
                <Input
                  className='field-input'
                  id={`suggestion-${id}`}
                  placeholder='修改建议，如：请改为体现网站内容的名称'
                  value={rejection.suggestion}
                  onInput={(event) => store.editRejection(path, { suggestion: event.detail.value })}
                />
              </View>
            )}
          </View>
        );
      })}
    </View>
  );
}
