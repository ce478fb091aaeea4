import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { WORKFLOW_TIMINGS, formatChinaTime, type ReviewOrderDetail } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { useReviewStore } from '../../stores/review.store';

/** The reviewer's calls to the applicant; two unreachable calls an hour apart allow "无法联系". */
export function ReviewCalls({ order, decidable }: { order: ReviewOrderDetail; decidable: boolean }) {
  const [note, setNote] = useState('');
  const busy = useReviewStore((state) => state.busy);
  const log = async (outcome: 'answered' | 'unreachable') => {
    await useReviewStore.getState().logCall({ outcome, ...(note.trim() ? { note: note.trim() } : {}) });
    setNote('');
  };

  return (
    <View className='card' id='review-calls'>
      <Text className='card-title'>电话核实</Text>
      {order.calls.length === 0 && <Text className='hint'>尚未致电申请人</Text>}
      {order.calls.map((call) => (
        <View className='staff-row' key={call.id} id={`call-${call.id}`}>
          <Text className='staff-cell'>{formatChinaTime(call.calledAt)}</Text>
          <Text className={`staff-cell ${call.outcome === 'answered' ? 'diff-after' : 'error-text'}`}>{call.outcome === 'answered' ? '已接通' : '未接通'}</Text>
          <Text className='staff-cell-wide hint'>{call.note ?? ''}</Text>
        </View>
      ))}
      {decidable && (
        <View>
          <Input className='field-input' id='call-note' placeholder='通话备注（选填）' value={note} onInput={(event) => setNote(event.detail.value)} />
          <View className='staff-actions'>
            <Button size='mini' id='call-answered' {...busyButtonProps(busy)} onClick={() => void log('answered')}>
              记录：已接通
            </Button>
            <Button size='mini' id='call-unreachable' {...busyButtonProps(busy)} onClick={() => void log('unreachable')}>
              记录：未接通
            </Button>
          </View>
          {!order.canRejectUnreachable && (
            <Text className='hint'>
              首次未接通的，请约 {WORKFLOW_TIMINGS.REVIEWER_SECOND_CALL_AFTER.value} 分钟后再次致电；两次均未接通后可按“无法联系”驳回。
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
