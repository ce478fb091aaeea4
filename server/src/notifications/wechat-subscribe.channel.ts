import { formatChinaTime } from '@beian/shared';
import { WechatApiError } from '../auth/wechat-gateway.port';
import type { SubscribeTemplate, SubscribeTemplateField } from '../platform/config/app-config';

import type { MessageEntity } from './message.entity';
import type { ChannelOutcome, NotificationChannel } from './notification-channel.port';
import type { SubscribeGrantsService } from './subscribe-grants.service';
import { WECHAT_USER_REFUSED, type WechatMessaging } from './wechat-messaging.port';

/** Value limits of subscribe-message keys by their type prefix (`thing1` → thing: 20 characters). */
const VALUE_LIMITS: Record<string, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
};

function fieldValue(message: MessageEntity, status: string, field: SubscribeTemplateField): string {
  switch (field) {
    case 'title':
      return message.title;
    case 'status':
      return status;
    case 'body':
      return message.body.replace(/\s+/g, ' ');
    case 'time':
      return formatChinaTime(message.createdAt);
    case 'orderId':
      return (message.orderId ?? '').replace(/-/g, '');
  }
}

function limitFor(key: string): number | undefined {
  return VALUE_LIMITS[key.replace(/\d+$/, '')];
}

export function templateData(template: SubscribeTemplate, message: MessageEntity, status: string): Record<string, { value: string }> {
  return Object.fromEntries(
    Object.entries(template.data).map(([key, field]) => {
      const value = fieldValue(message, status, field);
      const limit = limitFor(key);
      return [key, { value: limit && [...value].length > limit ? [...value].slice(0, limit - 1).join('') + '…' : value }];
    }),
  );
}

/**
 * WeChat subscribe messages: one accepted grant is spent per send; without a grant (or an openid) the message
 * stays in the message centre only. 43101 means the user withdrew consent: not retried, the grant stays spent.
 */
export class WechatSubscribeChannel implements NotificationChannel {
  readonly name = 'wechat';

  constructor(
    private readonly messaging: WechatMessaging,
    private readonly grants: SubscribeGrantsService,
    private readonly templates: Record<string, SubscribeTemplate>,
    private readonly openidOf: (userId: string) => Promise<string | null>,
  ) {}

  handles(message: MessageEntity): boolean {
    return Boolean(this.templates[message.type]);
  }

  async deliver(message: MessageEntity, status: string): Promise<{ outcome: ChannelOutcome; detail?: string }> {
    const template = this.templates[message.type]!;
    const openid = await this.openidOf(message.userId);
    if (!openid) return { outcome: 'skipped', detail: 'no openid' };
    if (!(await this.grants.consume(message.userId, template.templateId, message.id))) return { outcome: 'skipped', detail: 'no grant' };
    try {
      await this.messaging.sendSubscribeMessage({
        touser: openid,
        templateId: template.templateId,
        page: `pages/progress/index?orderId=${message.orderId ?? ''}&messageId=${message.id}`,
        data: templateData(template, message, status),
      });
    } catch (error) {
      if (error instanceof WechatApiError && error.errcode === WECHAT_USER_REFUSED) return { outcome: 'refused', detail: `${error.errcode} ${error.errmsg}` };
      await this.grants.release(message.id);
      throw error;
    }
    return { outcome: 'sent' };
  }
}
