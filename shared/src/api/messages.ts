/** The in-app message centre (`/api/messages`): every progress message of the user lands here. */

export interface MessageView {
  id: number;
  type: string;
  title: string;
  body: string;
  orderId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/messages?limit=&before= — newest first. */
export interface MessagePage {
  items: MessageView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

/** GET /api/messages/unread-count */
export interface UnreadCount {
  count: number;
}

/** GET /api/notifications/result-channels: whether progress messages also go out by SMS and e-mail (on by default). */
export interface ResultChannelSetting {
  channel: 'sms' | 'email';
  label: string;
  enabled: boolean;
}

/** PUT /api/notifications/result-channels/:channel */
export interface ResultChannelSettingRequest {
  enabled: boolean;
}
