import { Inject, Injectable } from '@nestjs/common';
import { LeasedRowQueue } from '../jobs/leased-row.queue';
import { RunnerLock } from '../jobs/runner-lock';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppLifecycle } from '../platform/lifecycle/app-lifecycle';
import { OutboxMessageEntity } from './outbox-message.entity';

/** An outbox message as its handler sees it; `dedupeKey` names the logical event for downstream dedupe. */
export interface OutboxDelivery<P = Record<string, unknown>> {
  id: number;
  type: string;
  aggregateId: string;
  payload: P;
  dedupeKey: string;
  attempt: number;
  /** When the change that caused the message committed. */
  createdAt: Date;
  /** The request that caused the message, null when none did. */
  requestId: string | null;
}

function delivery<P>(row: OutboxMessageEntity): OutboxDelivery<P> {
  return {
    id: row.id,
    type: row.type,
    aggregateId: row.aggregateId,
    payload: JSON.parse(row.payload) as P,
    dedupeKey: row.dedupeKey,
    attempt: row.attempts + 1,
    createdAt: row.createdAt,
    requestId: row.requestId,
  };
}

/**
 * Delivers outbox messages at least once: a message is marked `sent` only after its handler returned, retried
 * with backoff when it threw, `dead` after N failures. Handlers dedupe on `dedupeKey`, so a redelivery (after a
 * crash between delivering and marking) sends nothing twice. The messages of one aggregate (an order) go out in
 * the order they were written: a later one waits until the earlier one is sent or dead.
 */
@Injectable()
export class OutboxWorker extends LeasedRowQueue<OutboxMessageEntity> {
  constructor(db: DatabaseService, clock: Clock, @Inject(APP_CONFIG) config: AppConfig, lock: RunnerLock, lifecycle: AppLifecycle) {
    super(db, clock, { ...config.workers, batchSize: config.workers.outboxBatchSize }, lock, OutboxMessageEntity, 'sent', lifecycle, 'aggregateId');
  }

  handle<P = Record<string, unknown>>(type: string, handler: (message: OutboxDelivery<P>) => Promise<void>): void {
    this.register(type, (row) => handler(delivery<P>(row)));
  }

  /**
   * One handler for all messages of a type in a claimed batch (each of another aggregate): it answers, message by
   * message, null when delivered or the error that retries (or buries) that message alone.
   */
  handleBatch<P = Record<string, unknown>>(type: string, handler: (messages: OutboxDelivery<P>[]) => Promise<(Error | null)[]>): void {
    this.registerBatch(type, (rows) => handler(rows.map((row) => delivery<P>(row))));
  }

  protected finishedColumns(done: boolean): Record<string, unknown> {
    return done ? { sentAt: this.clock.now() } : {};
  }
}
