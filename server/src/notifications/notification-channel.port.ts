import { DiscoveryService } from '@nestjs/core';
import type { MessageEntity } from './message.entity';

/** `skipped`: the channel does not apply to this user now (no grant, no openid); nothing was sent. */
export type ChannelOutcome = 'sent' | 'refused' | 'skipped';

/**
 * A channel beyond the message centre (WeChat subscribe messages, SMS, email). `deliver` throws when the message
 * should be retried later; the outbox worker then retries the event with backoff.
 */
export interface NotificationChannel {
  readonly name: string;
  /** Whether this kind of message goes out on this channel at all (e.g. a template is configured for it). */
  handles(message: MessageEntity): boolean;
  deliver(message: MessageEntity, status: string): Promise<{ outcome: ChannelOutcome; detail?: string }>;
}

export const NOTIFICATION_CHANNELS = Symbol('NOTIFICATION_CHANNELS');

/**
 * `@NOTIFICATION_CHANNEL()` on a provider of a higher module (SMS and e-mail results) adds it to NOTIFICATION_CHANNELS:
 * a multi-provider port discovered at boot, as Nest has no multi-providers across modules.
 */
export const NOTIFICATION_CHANNEL = DiscoveryService.createDecorator();
