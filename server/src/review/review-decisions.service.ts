import { Injectable } from '@nestjs/common';
import {
  fieldLabel,
  type CallLogEntry,
  type CallLogRequest,
  type OrderRejection,
  type RejectRequest,
  type ReviewOrderDetail,
  type SessionUser,
} from '@beian/shared';
import { RejectionFacts } from '../insights/rejection-facts.service';
import { JobScheduler } from '../jobs/job-scheduler';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { OrderStateMachine } from '../order-core/order-state-machine';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { ReviewCallEntity } from './review-call.entity';
import { SECOND_CALL_AFTER_MS, SECOND_CALL_JOB, roundCalls } from './review-calls.query';
import { ReviewClaimEntity } from './review-claim.entity';
import { roundClaims } from './review-claims.query';
import { ReviewDecisionEntity } from '../order-core/review-decision.entity';
import { ReviewQueueService, claimView, toCallEntry } from './review-queue.service';

/** The 初审 decisions: claim, call log, approve or reject per field (through the state machine). */
@Injectable()
export class ReviewDecisionsService {
  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly access: OrderAccess,
    private readonly stateMachine: OrderStateMachine,
    private readonly queue: ReviewQueueService,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
    private readonly rejectionFacts: RejectionFacts,
  ) {}

  /** 领取: the reviewer takes this submission; the applicant can no longer pull it back. Claiming again is a no-op. */
  claim(reviewer: SessionUser, orderId: string): Promise<ReviewOrderDetail> {
    return this.db
      .retryingTransaction(async (tx) => {
        const order = await this.access.existing(tx, orderId);
        if (order.status !== 'pending_initial_review') throw new AppException('TRANSITION_NOT_ALLOWED');
        const current = (await roundClaims(tx, [order])).get(order.id);
        if (current?.reviewerId === reviewer.id) return;
        if (current) throw new AppException('REVIEW_CLAIMED_BY_OTHER', undefined, { claim: claimView(current) });
        // The version bump makes a concurrent pull-back by the applicant, or a second claim, fail instead of both passing.
        const bumped = await tx.update(FilingOrderEntity, { id: order.id, version: order.version, status: order.status }, { version: order.version + 1 });
        if (!bumped.affected) throw new AppException('VERSION_CONFLICT');
        await tx.insert(ReviewClaimEntity, { orderId: order.id, reviewerId: reviewer.id, claimedAt: this.clock.now() });
      })
      .then(() => this.queue.detail(orderId));
  }

  /** Records a call; the first unreachable call of a round schedules the reminder to call again an hour later. */
  recordCall(reviewer: SessionUser, orderId: string, request: CallLogRequest): Promise<CallLogEntry> {
    return this.db.retryingTransaction(async (tx) => {
      const order = await this.access.existing(tx, orderId);
      if (order.status !== 'pending_initial_review') throw new AppException('TRANSITION_NOT_ALLOWED');
      const calledAt = this.clock.now();
      const earlier = await roundCalls(tx, order);
      const inserted = await tx.insert(ReviewCallEntity, { orderId, reviewerId: reviewer.id, outcome: request.outcome, note: request.note ?? null, calledAt });
      const id = Number(inserted.identifiers[0]?.id);
      if (request.outcome === 'unreachable' && !earlier.some((c) => c.outcome === 'unreachable')) {
        await this.jobs.schedule(tx, {
          type: SECOND_CALL_JOB,
          payload: { orderId, reviewerId: reviewer.id, firstCallId: id },
          dueAt: new Date(calledAt.getTime() + SECOND_CALL_AFTER_MS),
          dedupeKey: `${SECOND_CALL_JOB}:${orderId}:${id}`,
        });
      }
      return toCallEntry({ id, reviewerId: reviewer.id, outcome: request.outcome, note: request.note ?? null, calledAt });
    });
  }

  /** 初审 passed: the order goes to the regulator (the system's `submit_to_regulator` runs as a job). */
  approve(reviewer: SessionUser, orderId: string): Promise<ReviewOrderDetail> {
    return this.decide(reviewer, orderId, 'approve', []);
  }

  reject(reviewer: SessionUser, orderId: string, request: RejectRequest): Promise<ReviewOrderDetail> {
    const reasons: OrderRejection[] = request.reasons.map((r) =>
      r.kind === 'field'
        ? { path: r.path, kind: 'field', reason: r.reason.trim(), suggestion: r.suggestion.trim() }
        : { path: null, kind: 'unreachable', reason: r.reason?.trim() || '两次致电均未接通', suggestion: '请保持电话畅通，确认联系方式无误后重新提交' },
    );
    return this.decide(reviewer, orderId, 'reject', reasons);
  }

  private async decide(reviewer: SessionUser, orderId: string, decision: 'approve' | 'reject', reasons: OrderRejection[]): Promise<ReviewOrderDetail> {
    await this.db.retryingTransaction(async (tx) => {
      const order = await this.access.existing(tx, orderId);
      const claim = (await roundClaims(tx, [order])).get(order.id);
      if (claim && claim.reviewerId !== reviewer.id) throw new AppException('REVIEW_CLAIMED_BY_OTHER', undefined, { claim: claimView(claim) });
      const draft = await this.drafts.load(tx, order.id);
      await this.stateMachine.fire(tx, order, {
        event: decision === 'approve' ? 'approve_initial' : 'reject_initial',
        actor: { type: 'reviewer', id: reviewer.id },
        ...(decision === 'reject' ? { reason: reasons.map((r) => (r.path ? `${fieldLabel(r.path)}：${r.reason}` : r.reason)).join('；') } : {}),
        guardInput: { rejections: reasons },
      });
      await tx.insert(ReviewDecisionEntity, {
        orderId,
        reviewerId: reviewer.id,
        decision,
        reasons: JSON.stringify(reasons),
        snapshot: this.drafts.seal(draft),
        reopenedPaths: '[]',
        createdAt: this.clock.now(),
      });
      if (decision === 'reject') await this.rejectionFacts.record(tx, order, draft, reasons, this.clock.now());
    });
    return this.queue.detail(orderId);
  }
}
