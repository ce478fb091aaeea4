import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppLifecycle } from '../platform/lifecycle/app-lifecycle';
import { JobEntity } from './job.entity';
import { LeasedRowQueue } from './leased-row.queue';
import { RunnerLock } from './runner-lock';

/** A job as its handler sees it. */
export interface DueJob<P = Record<string, unknown>> {
  id: number;
  type: string;
  payload: P;
  /** 1 on the first run. */
  attempt: number;
  dedupeKey: string;
  /** The request that caused the job (or its cause), null when none did. */
  requestId: string | null;
}

/**
 * Runs due jobs with the handler registered for their type. A handler may run again after a crash or a lost
 * lease, so it checks the state it acts on (e.g. the order is still waiting) before acting.
 */
@Injectable()
export class JobRunner extends LeasedRowQueue<JobEntity> {
  constructor(db: DatabaseService, clock: Clock, @Inject(APP_CONFIG) config: AppConfig, lock: RunnerLock, lifecycle: AppLifecycle) {
    super(db, clock, config.workers, lock, JobEntity, 'done', lifecycle);
  }

  handle<P = Record<string, unknown>>(type: string, handler: (job: DueJob<P>) => Promise<void>): void {
    this.register(type, (row) =>
      handler({
        id: row.id,
        type: row.type,
        payload: JSON.parse(row.payload) as P,
        attempt: row.attempts + 1,
        dedupeKey: row.dedupeKey,
        requestId: row.requestId,
      }),
    );
  }

  protected finishedColumns(done: boolean): Record<string, unknown> {
    return done ? { finishedAt: this.clock.now() } : {};
  }
}
