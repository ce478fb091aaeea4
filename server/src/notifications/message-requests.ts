import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxWriter } from '../outbox/outbox.writer';

/** Outbox event of a message composed by its sender (a reminder, a face-check activity); ProgressNotifier delivers it. */
export const MESSAGE_REQUESTED = 'message.requested';

export interface RequestedMessage {
  userId: string;
  orderId: string | null;
  type: string;
  title: string;
  body: string;
  /** The state shown beside the message (the `status` field of a subscribe template). */
  status: string;
}

/**
 * The one way into notifications besides order transitions: a message is written to the outbox in the sender's
 * transaction and delivered like every progress message (message centre, then every configured channel).
 */
@Injectable()
export class MessageRequests {
  constructor(private readonly outbox: OutboxWriter) {}

  /** Queues the message once per `dedupeKey` (the message centre's key too): a sender that runs again sends nothing new. */
  async request(tx: EntityManager, message: RequestedMessage, dedupeKey: string, now: Date): Promise<void> {
    await this.outbox.writeOnce(tx, [{ type: MESSAGE_REQUESTED, aggregateId: message.orderId ?? message.userId, payload: { ...message }, dedupeKey }], now);
  }
}
