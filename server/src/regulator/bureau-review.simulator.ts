import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { WORKFLOW_TIMINGS, type RegulatorScriptRequest } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { JobScheduler } from '../jobs/job-scheduler';
import { JobRunner } from '../jobs/job.runner';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { OrderHistoryEntity } from '../order-core/order-history.entity';
import { Clock } from '../platform/clock/clock';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { IcpNumberAllocator } from './icp-number.allocator';
import { RegulatorEventsService } from './regulator-events.service';
import { RegulatorScriptEntity } from './regulator-script.entity';
import { SIM_JOB, currentOrder, latestSubmissionId, type SubmissionRef } from './regulator-sim.submissions';

const DEFAULT_REJECTION = '网站名称与网站内容不符，请修改网站名称后重新提交';

type ReviewPayload = SubmissionRef & { startedAt: string };

/**
 * The embedded 管局 review: 1–20 working days (seeded per submission) or as scripted per order, ending in numbers
 * or reasons.
 */
@Injectable()
export class BureauReviewSimulator {
  constructor(
    private readonly db: DatabaseService,
    private readonly runner: JobRunner,
    private readonly jobs: JobScheduler,
    private readonly events: RegulatorEventsService,
    private readonly numbers: IcpNumberAllocator,
    private readonly calendar: CalendarService,
    private readonly drafts: OrderDraftStore,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  registerJobs(): void {
    this.runner.handle<ReviewPayload>(SIM_JOB.review, (job) => this.db.transaction((tx) => this.review(tx, job.payload)));
  }

  /** Sets the 管局's decision for an order; one already under review is rescheduled accordingly. */
  async script(orderId: string, request: RegulatorScriptRequest): Promise<{ dueAt: string | null }> {
    return this.db.transaction(async (tx) => {
      const order = await this.events.order(tx, orderId);
      if (!order) throw new AppException('ORDER_NOT_FOUND');
      await tx.upsert(
        RegulatorScriptEntity,
        {
          orderId,
          outcome: request.outcome,
          afterWorkingDays: request.afterWorkingDays,
          reasons: JSON.stringify(request.reasons ?? []),
          updatedAt: this.clock.now(),
        },
        ['orderId'],
      );
      if (order.status !== 'regulator_review') return { dueAt: null };
      const entered = await tx.findOne(OrderHistoryEntity, { where: { orderId, toStatus: 'regulator_review' }, order: { id: 'DESC' } });
      const submissionId = await latestSubmissionId(tx, orderId);
      if (!entered || !submissionId) return { dueAt: null };
      const dueAt = await this.schedule(tx, { orderId, submissionId }, entered.createdAt);
      return { dueAt: dueAt?.toISOString() ?? null };
    });
  }

  private async review(tx: EntityManager, job: ReviewPayload): Promise<void> {
    const order = await currentOrder(tx, this.events, job, 'regulator_review');
    if (!order) return;
    const decision = await this.decision(tx, job, new Date(job.startedAt));
    if (!decision) return;
    if (this.clock.now() < decision.dueAt) {
      await this.schedule(tx, job, new Date(job.startedAt));
      return;
    }
    if (decision.outcome === 'reject') {
      await this.events.rejected(tx, order, decision.reasons.length ? decision.reasons : [DEFAULT_REJECTION]);
      return;
    }
    const draft = await this.drafts.load(tx, order.id);
    const ref = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, kind: true, subjectId: true }, where: { id: order.id } });
    await this.events.approved(tx, order, await this.numbers.allocate(tx, ref, draft, this.clock.now()));
  }

  /** When and how the 管局 decides: as scripted for the order, else approval after 1–20 working days (seeded). */
  private async decision(
    tx: EntityManager,
    ref: SubmissionRef,
    startedAt: Date,
  ): Promise<{ outcome: 'approve' | 'reject'; dueAt: Date; reasons: string[] } | null> {
    const script = await tx.findOne(RegulatorScriptEntity, { where: { orderId: ref.orderId } });
    if (script?.outcome === 'timeout') return null;
    const days = script?.afterWorkingDays ?? this.seededReviewDays(ref);
    return {
      outcome: script?.outcome ?? 'approve',
      dueAt: await this.calendar.addWorkingDays(startedAt, days, tx),
      reasons: script ? (JSON.parse(script.reasons) as string[]) : [],
    };
  }

  /** Schedules the 管局's decision on a submission under review since `startedAt`; null when it never decides (scripted timeout). */
  async schedule(tx: EntityManager, ref: SubmissionRef, startedAt: Date): Promise<Date | null> {
    const decision = await this.decision(tx, ref, startedAt);
    if (!decision) return null;
    await this.jobs.schedule(tx, {
      type: SIM_JOB.review,
      payload: { ...ref, startedAt: startedAt.toISOString() },
      dueAt: decision.dueAt,
      dedupeKey: `${SIM_JOB.review}:${ref.submissionId}:${decision.dueAt.getTime()}`,
    });
    return decision.dueAt;
  }

  private seededReviewDays(ref: SubmissionRef): number {
    const min = WORKFLOW_TIMINGS.REGULATOR_REVIEW_MIN.value;
    const max = WORKFLOW_TIMINGS.REGULATOR_REVIEW_MAX.value;
    const digest = createHash('sha256').update(`${this.config.regulatorSim.seed}:${ref.orderId}:${ref.submissionId}`).digest();
    return min + (digest.readUInt32BE(0) % (max - min + 1));
  }
}
