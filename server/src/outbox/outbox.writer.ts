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
    await tx.insert(OutboxMessageEntity, this.rows(events, now));
  }

  /** Writes events whose dedupe key is not written yet and skips the others: for callers that may run again (jobs). */
  async writeOnce(tx: EntityManager, events: OutboxEvent[], now: Date): Promise<void> {
    if (!events.length) return;
    await tx.createQueryBuilder().insert().into(OutboxMessageEntity).values(this.rows(events, now)).orIgnore().execute();
  }

  private rows(events: OutboxEvent[], now: Date) {
    const requestId = RequestContext.currentId();
    return events.map((e) => ({
      type: e.type,
      aggregateId: e.aggregateId,
      payload: JSON.stringify(e.payload),
      dedupeKey: e.dedupeKey,
      status: 'pending' as const,
      attempts: 0,
      dueAt: now,
      createdAt: now,
      requestId,
    }));
  }
}
