import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { isDuplicateKeyError } from '../platform/database/database.service';
import { MessageDeliveryEntity, type DeliveryStatus } from './message-delivery.entity';
import type { MessageEntity } from './message.entity';
import type { NotificationChannel } from './notification-channel.port';

/**
 * Sends a message on a channel at most once: the (message, channel) row is taken before sending and holds the
 * outcome after. A failed send frees it for the outbox retry; a send interrupted by a crash is never repeated.
 */
@Injectable()
export class DeliveryLedger {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  async deliver(message: MessageEntity, channel: NotificationChannel, status: string): Promise<void> {
    if (!(await this.begin(message.id, channel.name))) return;
    let result: Awaited<ReturnType<NotificationChannel['deliver']>>;
    try {
      result = await channel.deliver(message, status);
    } catch (error) {
      await this.settle(message.id, channel.name, 'failed', error instanceof Error ? error.message : String(error));
      throw error;
    }
    await this.settle(message.id, channel.name, result.outcome, result.detail ?? null);
  }

  /** True when this worker may send now: the first attempt, or a retry after a failure. */
  private async begin(messageId: number, channel: string): Promise<boolean> {
    const now = this.clock.now();
    try {
      await this.db.statement((db) => db.insert(MessageDeliveryEntity, { messageId, channel, status: 'sending', attempts: 1, detail: null, updatedAt: now }));
      return true;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
    const existing = await this.db.manager.findOneOrFail(MessageDeliveryEntity, { where: { messageId, channel } });
    if (existing.status === 'failed') {
      const retried = await this.db.transaction((tx) =>
        tx.update(MessageDeliveryEntity, { id: existing.id, status: 'failed' }, { status: 'sending', attempts: existing.attempts + 1, updatedAt: now }),
      );
      return Boolean(retried.affected);
    }
    if (existing.status === 'sending') {
      await this.db.transaction((tx) =>
        tx.update(MessageDeliveryEntity, { id: existing.id, status: 'sending' }, { status: 'unknown', detail: 'worker stopped while sending', updatedAt: now }),
      );
    }
    return false;
  }

  private async settle(messageId: number, channel: string, status: DeliveryStatus, detail: string | null): Promise<void> {
    await this.db.statement((db) =>
      db.update(MessageDeliveryEntity, { messageId, channel }, { status, detail: detail?.slice(0, 255) ?? null, updatedAt: this.clock.now() }),
    );
  }
}
