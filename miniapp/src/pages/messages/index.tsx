import { Button, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useDidShow } from '@tarojs/taro';
import { formatChinaTime, type MessageView } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { navigate } from '../../routes';
import { useMessagesStore } from '../../stores/messages.store';
import './index.scss';

function open(message: MessageView) {
  void useMessagesStore.getState().read(message.id);
  if (message.orderId) void navigate('progress', { id: message.orderId });
}

export default function MessagesPage() {
  const items = useMessagesStore((state) => state.items);
  const unread = useMessagesStore((state) => state.unread);
  const nextBefore = useMessagesStore((state) => state.nextBefore);
  const loading = useMessagesStore((state) => state.loading);
  const error = useMessagesStore((state) => state.error);

  useDidShow(() => void useMessagesStore.getState().load());
  usePullDownRefresh(
    () =>
      void useMessagesStore
        .getState()
        .load()
        .finally(() => Taro.stopPullDownRefresh()),
  );

  return (
    <View className='page' id='messages'>
      <Text className='hint' id='unread-count'>
        {unread > 0 ? `${unread} 条未读` : '没有未读消息'}
      </Text>
      {error && <Text className='error-text'>{error}</Text>}
      {!loading && items.length === 0 && !error && <Text className='hint'>暂无消息。备案进度有变化时会通知您。</Text>}
      {items.map((message) => (
        <View className={`card message${message.readAt ? '' : ' message-unread'}`} key={message.id} id={`message-${message.id}`} onClick={() => open(message)}>
          <View className='message-head'>
            {!message.readAt && <View className='unread-dot' />}
            <Text className='message-title'>{message.title}</Text>
          </View>
          <Text className='message-body'>{message.body}</Text>
          <Text className='hint'>{formatChinaTime(message.createdAt)}</Text>
        </View>
      ))}
      {nextBefore !== null && (
        <Button className='btn-secondary' id='more-messages' {...busyButtonProps(loading)} onClick={() => void useMessagesStore.getState().load(true)}>
          加载更早的消息
        </Button>
      )}
    </View>
  );
}
