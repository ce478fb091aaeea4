import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DAY_MS } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { JobScheduler } from '../jobs/job-scheduler';
import { JobRunner } from '../jobs/job.runner';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { ResourceLapse } from './resource-lapse.service';
import { AT_REGULATOR } from './resource-uses';

const LAPSE_CHECK_JOB = 'resources.lapse_check';
/** An instance lapses by the calendar (under a month left, expired); a daily look catches it on the day. */
const LAPSE_CHECK_EVERY_MS = DAY_MS;

/**
 * While an order is at MIIT or the 管局, one pending check at a time looks at its resources once a day: a lapse
 * sends it back to the applicant, otherwise the next check is scheduled. A check of an order that moved on ends.
 */
@Injectable()
export class ResourceLapseJobs implements OnModuleInit {
  constructor(
    private readonly db: DatabaseService,
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly lapse: ResourceLapse,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.runner.handle<{ orderId: string }>(LAPSE_CHECK_JOB, (job) => this.db.retryingTransaction((tx) => this.check(tx, job.payload.orderId)));
  }

  async scheduleNext(tx: EntityManager, orderId: string): Promise<void> {
    const dueAt = new Date(this.clock.now().getTime() + LAPSE_CHECK_EVERY_MS);
    await this.jobs.schedule(tx, { type: LAPSE_CHECK_JOB, payload: { orderId }, dueAt, dedupeKey: `${LAPSE_CHECK_JOB}:${orderId}:${dueAt.getTime()}` });
  }

  private async check(tx: EntityManager, orderId: string): Promise<void> {
    const order = await tx.findOne(FilingOrderEntity, { select: { id: true, ownerId: true, kind: true, status: true, version: true }, where: { id: orderId } });
    if (!order || !AT_REGULATOR.includes(order.status)) return;
    if (!(await this.lapse.returnIfLapsed(tx, order))) await this.scheduleNext(tx, orderId);
  }
}
