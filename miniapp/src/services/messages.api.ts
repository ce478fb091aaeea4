import type { MessagePage, MessageView, UnreadCount } from '@beian/shared';
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
