import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useLoad, useRouter } from '@tarojs/taro';
import { formatChinaTime, isOrderKind, ORDER_KINDS, type OrderSummary } from '@beian/shared';
import { navigate, redirect, relaunch, routeUrl } from '../../routes';
import { logout } from '../../services/auth.api';
import { ApiError } from '../../services/request';
import { listOrders } from '../../services/orders.api';
import { useMessagesStore } from '../../stores/messages.store';
import { useSessionStore } from '../../services/session.store';
import './index.scss';

function kindLabel(kind: string): string {
  return isOrderKind(kind) ? ORDER_KINDS[kind].label : '备案订单';
}

/** A mini-program code's `scene` that is an invitation: the 32-character token itself (see the server's MiniProgramCodes). */
const INVITATION_SCENE = /^[A-Za-z0-9_-]{32}$/;

export default function HomePage() {
  const { params } = useRouter<{ scene?: string }>();
  const token = useSessionStore((state) => state.token);
  const user = useSessionStore((state) => state.user);
  const [orders, setOrders] = useState<OrderSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const unread = useMessagesStore((state) => state.unread);

  useLoad(() => {
    const scene = params.scene ? decodeURIComponent(params.scene) : '';
    if (INVITATION_SCENE.test(scene)) void redirect('principal-face', { token: scene });
  });

  useDidShow(() => {
    if (!useSessionStore.getState().token) return;
    void useMessagesStore.getState().refreshUnread();
    listOrders()
      .then((list) => {
        setOrders(list);
        setError(null);
      })
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  const openDraft = orders?.find((order) => order.status === 'draft');
  const reviewer = user?.roles.includes('reviewer') === true;
  const signOut = async () => {
    await logout().catch(() => undefined);
    useSessionStore.getState().clear();
    await relaunch('home');
  };
  const startFiling = () =>
    void (!token
      ? navigate('login', { back: routeUrl('filing-start') })
      : openDraft
        ? navigate('filing-start', { id: openDraft.id })
        : navigate('filing-start'));
  const openOrder = (order: OrderSummary) =>
    void (order.status === 'draft' ? navigate('filing-start', { id: order.id }) : navigate('progress', { id: order.id }));

  return (
    <View className='page' id='home'>
      {token && (
        <View className='card messages-link' id='messages-link' onClick={() => void navigate('messages')}>
          <Text>消息中心</Text>
          {unread > 0 && (
            <Text className='unread-badge' id='unread-badge'>
              {unread}
            </Text>
          )}
        </View>
      )}
      {reviewer && (
        <View className='card messages-link' id='staff-entry' onClick={() => void navigate('staff-queue')}>
          <Text>初审工作台</Text>
          <Text className='link'>进入</Text>
        </View>
      )}
      <View className='card'>
        <Text className='card-title'>ICP首次备案</Text>
        <Text className='hint'>
          个人或单位的网站、APP首次备案：按步骤填写主办者、负责人和服务信息，上传材料并完成视频核验，提交后由我们初审，再报送管局审核。草稿自动保存，可在任意设备继续。
        </Text>
        <Button className='btn-primary' id='start-filing' onClick={startFiling}>
          {openDraft ? '继续填写备案' : '开始备案'}
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
        {token && user && (
          <View className='row-between'>
            <Text className='hint'>当前用户：{user.nickname}</Text>
            <Text className='link' id='logout' onClick={() => void signOut()}>
              退出登录
            </Text>
          </View>
        )}
        {token && (
          <Button className='btn-secondary' id='open-records' onClick={() => void navigate('records-list')}>
            已通过的备案（主体、网站、APP）
          </Button>
        )}
        {token && (
          <Button className='btn-secondary' id='open-account' onClick={() => void navigate('records-account')}>
            我的账号（账号 ID、实名认证）
          </Button>
        )}
        {token && (
          <Button className='btn-secondary' id='open-authorization-codes' onClick={() => void navigate('codes-authorization')}>
            备案授权码（授权其他账号使用本账号服务器）
          </Button>
        )}
        {token && (
          <Button className='btn-secondary' id='open-service-codes' onClick={() => void navigate('codes-service')}>
            服务码管理
          </Button>
        )}
        {error && <Text className='error-text'>{error}</Text>}
        {token && orders?.length === 0 && <Text className='hint'>暂无备案订单，点击上方“开始备案”</Text>}
        {orders?.map((order) => (
          <View className='order-item' key={order.id} id={`order-${order.id}`} onClick={() => openOrder(order)}>
            <View className='order-main'>
              <Text className='order-kind'>{kindLabel(order.kind)}</Text>
              <Text className='order-services' id={`order-${order.id}-services`}>
                {order.servicesText || '尚未填写网站或APP'}
              </Text>
              <Text className='hint'>更新于 {formatChinaTime(order.updatedAt)}</Text>
            </View>
            <Text className='order-status'>{order.statusLabel}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
