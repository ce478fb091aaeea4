import { create } from 'zustand';
import type { MessageView } from '@beian/shared';
import { listMessages, markRead, unreadCount } from '../services/messages.api';
import { ApiError } from '../services/request';

interface MessagesState {
  items: MessageView[];
  /** Cursor of the next (older) page; null when everything is loaded. */
  nextBefore: number | null;
  unread: number;
  loading: boolean;
  error: string | null;

  refreshUnread(): Promise<void>;
  /** Loads the newest page again (`more`: appends the next older page). */
  load(more?: boolean): Promise<void>;
  read(id: number): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : '加载失败，请稍后重试';
}

export const useMessagesStore = create<MessagesState>()((set, get) => ({
  items: [],
  nextBefore: null,
  unread: 0,
  loading: false,
  error: null,

  async refreshUnread() {
    try {
      set({ unread: await unreadCount() });
    } catch {
      // The badge is a hint; the message centre shows its own errors.
    }
  },

  async load(more = false) {
    const cursor = more ? get().nextBefore : null;
    if (more && cursor === null) return;
    set({ loading: true, error: null });
    try {
      const [page, count] = await Promise.all([listMessages(cursor ?? undefined), unreadCount()]);
      set({ items: more ? [...get().items, ...page.items] : page.items, nextBefore: page.nextBefore, unread: count });
    } catch (error) {
      set({ error: messageOf(error) });
    } finally {
      set({ loading: false });
    }
  },

  async read(id) {
    const message = get().items.find((item) => item.id === id);
    if (!message || message.readAt) return;
    try {
      const updated = await markRead(id);
      set({ items: get().items.map((item) => (item.id === id ? updated : item)), unread: Math.max(0, get().unread - 1) });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));
