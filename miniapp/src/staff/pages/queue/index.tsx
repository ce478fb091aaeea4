import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { busyButtonProps } from '../../../components/busy-button.props';
import { navigate } from '../../../routes';
import { useReviewStore } from '../../../stores/review.store';
import { formatChinaTime } from '@beian/shared';
import './index.scss';

export default function ReviewQueuePage() {
  const queue = useReviewStore((state) => state.queue);
  const loading = useReviewStore((state) => state.loading);
  const error = useReviewStore((state) => state.error);

  useDidShow(() => void useReviewStore.getState().loadQueue());
  const now = Date.now();

  return (
    <View className='page staff' id='review-queue'>
      <View className='staff-head'>
        <Text className='card-title'>待初审订单（按截止时间排序）</Text>
        <View>
          <Button className='btn-secondary staff-refresh' size='mini' id='open-misses' onClick={() => void navigate('staff-misses')}>
            预检漏检分析
          </Button>
          <Button className='btn-secondary staff-refresh' size='mini' {...busyButtonProps(loading)} onClick={() => void useReviewStore.getState().loadQueue()}>
            刷新
          </Button>
        </View>
      </View>
      <Text className='link' id='sim-resources-entry' onClick={() => void navigate('sim-resources')}>
        云资源登记（模拟）
      </Text>
      {error && <Text className='error-text'>{error}</Text>}
      {!loading && queue.length === 0 && !error && <Text className='hint'>暂无待初审的订单</Text>}
      <View className='staff-table'>
        {queue.map((item) => {
          const overdue = new Date(item.dueAt).getTime() < now;
          return (
            <View
              className='staff-row queue-item'
              key={item.orderId}
              id={`queue-${item.orderId}`}
              onClick={() => void navigate('staff-order', { id: item.orderId })}
            >
              <View className='staff-cell-wide'>
                <Text className='queue-subject'>{item.subjectName}</Text>
                <Text className='hint'>
                  {item.kindLabel} · {item.subjectType === 'unit' ? '单位' : '个人'} · {item.statusLabel}
                </Text>
              </View>
              <View className='staff-cell'>
                {item.resubmission && <Text className='tag tag-warn'>重新提交</Text>}
                {item.unreachableCalls > 0 && <Text className='tag'>未接通 {item.unreachableCalls} 次</Text>}
                {item.claim && <Text className='tag'>{item.claim.reviewerName} 已领取</Text>}
              </View>
              <View className='staff-cell'>
                <Text className='hint'>提交 {formatChinaTime(item.submittedAt)}</Text>
                <Text className={overdue ? 'error-text' : 'hint'}>截止 {formatChinaTime(item.dueAt)}</Text>
              </View>
            </View>
          );
        })}
      </View>
    </View>
  );
}
