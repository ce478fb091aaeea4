import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { RequestContext } from '../platform/http/request-context';
import { JobEntity } from './job.entity';

export interface JobRequest {
  type: string;
  payload: Record<string, unknown>;
  dueAt: Date;
  /** One job per key: scheduling the same key again is a no-op, so retried callers cannot double-schedule. */
  dedupeKey: string;
}

/** Schedules jobs inside the caller's transaction, so a job exists exactly when the change that wants it committed. */
@Injectable()
export class JobScheduler {
  constructor(private readonly clock: Clock) {}

  async schedule(tx: EntityManager, job: JobRequest): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(JobEntity)
      .values({
        type: job.type,
        payload: JSON.stringify(job.payload),
        dedupeKey: job.dedupeKey,
        status: 'pending',
        attempts: 0,
        dueAt: job.dueAt,
        createdAt: this.clock.now(),
        requestId: RequestContext.currentId(),
      })
      .orIgnore()
      .execute();
  }

  /** Cancels a job that has not run yet (e.g. a reminder made moot); true when one was pending. */
  async cancel(tx: EntityManager, dedupeKey: string): Promise<boolean> {
    const result = await tx.update(JobEntity, { dedupeKey, status: 'pending' }, { status: 'cancelled', finishedAt: this.clock.now() });
    return Boolean(result.affected);
  }
}
