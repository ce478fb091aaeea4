/** `subscribeMessage.send` as documented: `data` maps template keys (`thing1`, `time2` …) to `{value}`. */
export interface SubscribeMessage {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
}

/** The user refused, revoked or never granted the template: no retry, the grant is spent. */
export const WECHAT_USER_REFUSED = 43101;

/** WeChat subscribe messages; errors surface as `WechatApiError` (errcode -1 when WeChat could not be reached). */
export abstract class WechatMessaging {
  abstract sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
}
