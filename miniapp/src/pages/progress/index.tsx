import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { useOrderStore } from '../../stores/order.store';
import { formatChinaTime } from '../../utils/china-time.util';
import './index.scss';

export default function ProgressPage() {
  const { params } = useRouter<{ id?: string }>();
  const id = params.id;
  const order = useOrderStore((state) => (state.order?.id === id ? state.order : null));
  const loading = useOrderStore((state) => state.loading);
  const error = useOrderStore((state) => state.error);

  useDidShow(() => {
    if (id) void useOrderStore.getState().load(id);
  });

  if (!id) {
    return (
      <View className='page'>
        <Text className='error-text'>缺少订单编号，请从首页的“我的备案”进入</Text>
      </View>
    );
  }

  return (
    <View className='page' id='progress'>
      {error && <Text className='error-text'>{error}</Text>}
      {!order && loading && <Text className='hint'>加载中…</Text>}
      {order && (
        <View>
          <View className='card'>
            <Text className='hint'>当前状态</Text>
            <Text className='status-label' id='order-status'>
              {order.statusLabel}
            </Text>
            <Text className='hint' id='next-step'>
              {order.nextStep}
            </Text>
          </View>
          <View className='card' id='timeline'>
            <Text className='card-title'>办理记录</Text>
            {order.timeline.map((entry) => (
              <View className='timeline-entry' key={`${entry.at}-${entry.to}`}>
                <View className='timeline-dot' />
                <Text className='timeline-title'>{entry.toLabel}</Text>
                <Text className='hint'>
                  {formatChinaTime(entry.at)} · {entry.actorLabel}
                </Text>
                {entry.reason && <Text className='hint'>{entry.reason}</Text>}
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
