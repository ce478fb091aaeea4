import { DiscoveryService } from '@nestjs/core';
import type { MessageEntity } from './message.entity';

/** `skipped`: the channel does not apply to this user now (no grant, no openid); nothing was sent. */
export type ChannelOutcome = 'sent' | 'refused' | 'skipped';

export interface ChannelResult {
  outcome: ChannelOutcome;
  detail?: string;
}

/** A message to deliver and the state shown beside it (the `status` of a template). */
export interface ChannelDelivery {
  message: MessageEntity;
  status: string;
}

/**
 * A channel beyond the message centre (WeChat subscribe messages, SMS, email). `deliverAll` gets the messages of a
 * claimed outbox batch (it reads what they need at once) and answers per message its result, or the error after
 * which the outbox worker retries that message's event with backoff.
 */
export interface NotificationChannel {
  readonly name: string;
  /** Whether this kind of message goes out on this channel at all (e.g. a template is configured for it). */
  handles(message: MessageEntity): boolean;
  deliverAll(deliveries: ChannelDelivery[]): Promise<(ChannelResult | Error)[]>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/**
 * `@NOTIFICATION_CHANNEL()` on a provider of a higher module (SMS and e-mail results) adds it to NOTIFICATION_CHANNELS:
 * a multi-provider port discovered at boot, as Nest has no multi-providers across modules.
 */
export const NOTIFICATION_CHANNEL = DiscoveryService.createDecorator();
