import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext } from '../platform/http/request-context';
import { OutboxMessageEntity } from './outbox-message.entity';

export interface OutboxEvent {
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  dedupeKey: string;
}

/** Writes events inside the caller's transaction, so an event exists exactly when its change committed. */
@Injectable()
export class OutboxWriter {
  async write(tx: EntityManager, events: OutboxEvent[], now: Date): Promise<void> {
    if (!events.length) return;
    const requestId = RequestContext.currentId();
    await tx.insert(
      OutboxMessageEntity,
      events.map((e) => ({
        type: e.type,
        aggregateId: e.aggregateId,
        payload: JSON.stringify(e.payload),
        dedupeKey: e.dedupeKey,
        status: 'pending' as const,
        attempts: 0,
        dueAt: now,
        createdAt: now,
        requestId,
      })),
    );
  }
}
