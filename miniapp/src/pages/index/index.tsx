import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { isOrderKind, ORDER_KINDS, type OrderSummary } from '@beian/shared';
import { navigate } from '../../routes';
import { ApiError } from '../../services/request';
import { listOrders } from '../../services/orders.api';
import { useSessionStore } from '../../stores/session.store';
import { formatChinaTime } from '../../utils/china-time.util';
import './index.scss';

function kindLabel(kind: string): string {
  return isOrderKind(kind) ? ORDER_KINDS[kind].label : '备案订单';
}

export default function HomePage() {
  const token = useSessionStore((state) => state.token);
  const user = useSessionStore((state) => state.user);
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    if (!useSessionStore.getState().token) return;
    listOrders()
      .then((list) => {
        setOrders(list);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  const startFiling = () => void (token ? navigate('filing-start') : navigate('login'));

  return (
    <View className='page' id='home'>
      <View className='card'>
        <Text className='card-title'>个人首次备案 — 网站</Text>
        <Text className='hint'>为个人网站办理ICP备案：填写主办者和网站信息，提交后由我们初审，再报送管局审核。</Text>
        <Button className='btn-primary' id='start-filing' onClick={startFiling}>
          开始备案
        </Button>
      </View>

      <View className='card' id='my-orders'>
        <Text className='card-title'>我的备案</Text>
        {!token && (
          <View>
            <Text className='hint'>登录后查看您的备案订单</Text>
            <Button className='btn-secondary' id='go-login' onClick={() => void navigate('login')}>
              登录
            </Button>
          </View>
        )}
        {token && user && <Text className='hint'>当前用户：{user.nickname}</Text>}
        {error && <Text className='error-text'>{error}</Text>}
        {token && orders?.length === 0 && <Text className='hint'>暂无备案订单，点击上方“开始备案”</Text>}
        {orders?.map((order) => (
          <View
            className='order-item'
            key={order.id}
            id={`order-${order.id}`}
            onClick={() => void navigate('progress', { id: order.id })}
          >
            <View>
              <Text className='order-kind'>{kindLabel(order.kind)}</Text>
              <Text className='hint'>更新于 {formatChinaTime(order.updatedAt)}</Text>
            </View>
            <Text className='order-status'>{order.statusLabel}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
