import { formatChinaTime } from '@beian/shared';
import { WechatApiError } from '../auth/wechat-gateway.port';
import type { SubscribeTemplate, SubscribeTemplateField } from '../platform/config/app-config';
import { asError } from '../platform/errors/as-error';

import type { MessageEntity } from './message.entity';
import type { ChannelDelivery, ChannelResult, NotificationChannel } from './notification-channel.port';
import type { OpenidLookup } from './openid-cache';
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
 * A batch's openids are read and its grants spent at once; the sends go out in parallel.
 */
export class WechatSubscribeChannel implements NotificationChannel {
  readonly name = 'wechat';

  constructor(
    private readonly messaging: WechatMessaging,
    private readonly grants: SubscribeGrantsService,
    private readonly templates: Record<string, SubscribeTemplate>,
    private readonly openidsOf: OpenidLookup,
  ) {}

  handles(message: MessageEntity): boolean {
    return Boolean(this.templates[message.type]);
  }

  async deliverAll(deliveries: ChannelDelivery[]): Promise<(ChannelResult | Error)[]> {
    const openids = await this.openidsOf(deliveries.map((d) => d.message.userId));
    const reachable = deliveries.filter((d) => openids.has(d.message.userId));
    const granted = await this.grants.consumeAll(
      reachable.map(({ message }) => ({ userId: message.userId, templateId: this.templates[message.type]!.templateId, messageId: message.id })),
    );
    return Promise.all(
      deliveries.map(async ({ message, status }): Promise<ChannelResult | Error> => {
        const openid = openids.get(message.userId);
        if (!openid) return { outcome: 'skipped', detail: 'no openid' };
        if (!granted.has(message.id)) return { outcome: 'skipped', detail: 'no grant' };
        return this.send(openid, message, status);
      }),
    );
  }

  private async send(openid: string, message: MessageEntity, status: string): Promise<ChannelResult | Error> {
    const template = this.templates[message.type]!;
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
      return asError(error);
    }
    return { outcome: 'sent' };
  }
}
