import type { MessagePage, MessageView, ResultChannelSetting, UnreadCount } from '@beian/shared';
import { request } from './request';

export function listMessages(before?: number): Promise<MessagePage> {
  return request<MessagePage>('/api/messages', { data: before === undefined ? { limit: 20 } : { limit: 20, before } });
}

export async function unreadCount(): Promise<number> {
  return (await request<UnreadCount>('/api/messages/unread-count')).count;
}

export function markRead(id: number): Promise<MessageView> {
  return request<MessageView>(`/api/messages/${id}/read`, { method: 'POST' });
}

/** 通知方式: whether progress messages also go out by SMS and e-mail. */
export function getResultChannels(): Promise<ResultChannelSetting[]> {
  return request<ResultChannelSetting[]>('/api/notifications/result-channels');
}

export function setResultChannel(channel: ResultChannelSetting['channel'], enabled: boolean): Promise<ResultChannelSetting[]> {
  return request<ResultChannelSetting[]>(`/api/notifications/result-channels/${channel}`, { method: 'PUT', data: { enabled } });
}
