import { Inject, Injectable } from '@nestjs/common';
import {
  ORDER_KINDS,
  WORKFLOW_TIMINGS,
  statusLabel,
  type AccessLink,
  type AccessRequest,
  type CallLogEntry,
  type CallLogRequest,
  type DraftChange,
  type OrderRejection,
  type RejectRequest,
  type ReviewClaim,
  type ReviewMaterial,
  type ReviewOrderDetail,
  type ReviewQueueItem,
  type SessionUser,
} from '@beian/shared';
import { In, type EntityManager } from 'typeorm';
import { AccessLinkSigner } from '../audit/access-link.signer';
import { AuditLogService } from '../audit/audit-log.service';
import { CalendarService } from '../calendar/calendar.service';
import { JobScheduler } from '../jobs/job-scheduler';
import { changedPaths, maskedLeaf, valueAt } from '../order-core/draft-paths.util';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { FaceCheckRecordsPort } from '../order-core/face-check-records.port';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { OrderFieldLock } from '../order-core/order-field-lock.service';
import { OrderStateMachine } from '../order-core/order-state-machine';
import { loadTimeline } from '../order-core/order-timeline.query';
import { Clock } from '../platform/clock/clock';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import { ReviewCallEntity } from './review-call.entity';
import { SECOND_CALL_AFTER_MS, SECOND_CALL_JOB, roundCalls, unreachableTwiceAnHourApart } from './review-calls.query';
import { ReviewClaimEntity } from './review-claim.entity';
import { roundClaims, type RoundClaim } from './review-claims.query';
import { ReviewDecisionEntity } from '../order-core/review-decision.entity';

const QUEUE_LIMIT = 200;

type Order = FilingOrderEntity;

/** The provider's 初审: queue, order view, call log, approve or reject per field, and audited access to personal data. */
@Injectable()
export class ReviewService {
  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly access: OrderAccess,
    private readonly faceChecks: FaceCheckRecordsPort,
    private readonly stateMachine: OrderStateMachine,
    private readonly fieldLock: OrderFieldLock,
    private readonly calendar: CalendarService,
    private readonly jobs: JobScheduler,
    private readonly audit: AuditLogService,
    private readonly signer: AccessLinkSigner,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Orders waiting for 初审, the most urgent first (due 2 working days after submission); a fixed number of queries. */
  async queue(): Promise<ReviewQueueItem[]> {
    const tx = this.db.manager;
    const orders = await tx.find(FilingOrderEntity, {
      select: { id: true, kind: true, subjectType: true, status: true, submittedAt: true, createdAt: true },
      where: { status: 'pending_initial_review' },
      order: { submittedAt: 'ASC' },
      take: QUEUE_LIMIT,
    });
    const ids = orders.map((o) => o.id);
    const subjects = await this.drafts.loadSection(tx, ids, 'subject');
    const claims = await roundClaims(tx, orders);
    const calls = ids.length ? await tx.find(ReviewCallEntity, { select: { orderId: true, outcome: true, calledAt: true }, where: { orderId: In(ids), outcome: 'unreachable' } }) : [];
    const reviewed = new Set(
      ids.length ? (await tx.createQueryBuilder(ReviewDecisionEntity, 'd').select('DISTINCT d.order_id', 'orderId').where({ orderId: In(ids) }).getRawMany<{ orderId: string }>()).map((r) => r.orderId) : [],
    );
    const items = await Promise.all(
      orders.map(async (order): Promise<ReviewQueueItem> => {
        const submittedAt = order.submittedAt ?? order.createdAt;
        const subject = (subjects.get(order.id) ?? {}) as { name?: unknown };
        return {
          orderId: order.id,
          kind: order.kind,
          kindLabel: ORDER_KINDS[order.kind].label,
          subjectType: order.subjectType,
          subjectName: typeof subject.name === 'string' ? subject.name : '',
          status: order.status,
          statusLabel: statusLabel(order.status, order.kind),
          submittedAt: new Date(submittedAt).toISOString(),
          dueAt: (await this.dueAt(submittedAt)).toISOString(),
          resubmission: reviewed.has(order.id),
          unreachableCalls: calls.filter((c) => c.orderId === order.id && new Date(c.calledAt) >= new Date(submittedAt)).length,
          claim: claimView(claims.get(order.id)),
        };
      }),
    );
    return items.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.submittedAt.localeCompare(b.submittedAt));
  }

  /** 领取: the reviewer takes this submission; the applicant can no longer pull it back. Claiming again is a no-op. */
  claim(reviewer: SessionUser, orderId: string): Promise<ReviewOrderDetail> {
    return this.db
      .transaction(async (tx) => {
        const order = await this.order(tx, orderId);
        if (order.status !== 'pending_initial_review') throw new AppException('TRANSITION_NOT_ALLOWED');
        const current = (await roundClaims(tx, [order])).get(order.id);
        if (current?.reviewerId === reviewer.id) return;
        if (current) throw new AppException('REVIEW_CLAIMED_BY_OTHER', undefined, { claim: claimView(current) });
        // The version bump makes a concurrent pull-back by the applicant, or a second claim, fail instead of both passing.
        const bumped = await tx.update(FilingOrderEntity, { id: order.id, version: order.version, status: order.status }, { version: order.version + 1 });
        if (!bumped.affected) throw new AppException('VERSION_CONFLICT');
        await tx.insert(ReviewClaimEntity, { orderId: order.id, reviewerId: reviewer.id, claimedAt: this.clock.now() });
      })
      .then(() => this.detail(orderId));
  }

  async detail(orderId: string): Promise<ReviewOrderDetail> {
    const tx = this.db.manager;
    const order = await this.order(tx, orderId);
    const draft = await this.drafts.load(tx, order.id);
    const last = await this.fieldLock.lastDecision(tx, order.id);
    const calls = await roundCalls(tx, order);
    return {
      orderId: order.id,
      kind: order.kind,
      kindLabel: ORDER_KINDS[order.kind].label,
      subjectType: order.subjectType,
      serviceType: order.serviceType,
      status: order.status,
      statusLabel: statusLabel(order.status, order.kind),
      version: order.version,
      submittedAt: order.submittedAt ? new Date(order.submittedAt).toISOString() : null,
      dueAt: order.status === 'pending_initial_review' && order.submittedAt ? (await this.dueAt(order.submittedAt)).toISOString() : null,
      claim: claimView((await roundClaims(tx, [order])).get(order.id)),
      draft: this.drafts.mask(draft),
      faceChecks: await this.faceChecks.forOrder(tx, order.id),
      materials: ((draft.materials as ReviewMaterial[] | undefined) ?? []).map(({ kind, fileId, target }) => ({ kind, fileId, target })),
      timeline: await loadTimeline(tx, order.id),
      calls: (await tx.find(ReviewCallEntity, { where: { orderId: order.id }, order: { calledAt: 'ASC', id: 'ASC' } })).map(toCallEntry),
      canRejectUnreachable: order.status === 'pending_initial_review' && unreachableTwiceAnHourApart(calls),
      lastRejections: last?.decision === 'reject' ? (JSON.parse(last.reasons) as OrderRejection[]) : [],
      changes: last ? diff(this.drafts.unseal(last.snapshot), draft) : null,
    };
  }

  /** Records a call; the first unreachable call of a round schedules the reminder to call again an hour later. */
  recordCall(reviewer: SessionUser, orderId: string, request: CallLogRequest): Promise<CallLogEntry> {
    return this.db.transaction(async (tx) => {
      const order = await this.order(tx, orderId);
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
    await this.db.transaction(async (tx) => {
      const order = await this.order(tx, orderId);
      const claim = (await roundClaims(tx, [order])).get(order.id);
      if (claim && claim.reviewerId !== reviewer.id) throw new AppException('REVIEW_CLAIMED_BY_OTHER', undefined, { claim: claimView(claim) });
      const draft = await this.drafts.load(tx, order.id);
      await this.stateMachine.fire(tx, order, {
        event: decision === 'approve' ? 'approve_initial' : 'reject_initial',
        actor: { type: 'reviewer', id: reviewer.id },
        ...(decision === 'reject' ? { reason: reasons.map((r) => (r.path ? `${r.path}：${r.reason}` : r.reason)).join('；') } : {}),
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
    });
    return this.detail(orderId);
  }

  /** A short-lived signed link to one personal value, material or face video; the issue is audited with its reason. */
  async issueAccess(reviewer: SessionUser, orderId: string, request: AccessRequest): Promise<AccessLink> {
    return this.db.transaction(async (tx) => {
      const order = await this.order(tx, orderId);
      if (request.target.type === 'field') {
        const draft = await this.drafts.load(tx, order.id);
        if (valueAt(draft, request.target.path) === undefined) throw new AppException('ACCESS_TARGET_NOT_FOUND');
      }
      const expiresAt = new Date(this.clock.now().getTime() + this.config.accessLinkTtlMs);
      const id = await this.audit.record(tx, { actorId: reviewer.id, action: 'access.issued', orderId, target: targetName(request.target), reason: request.reason });
      return { url: `/api/review/access/${this.signer.sign(id, expiresAt)}`, expiresAt: expiresAt.toISOString() };
    });
  }

  /** Opens a signed link (audited): a field's clear value, or which file to hand out. */
  async openAccess(token: string): Promise<{ field: { path: string; value: unknown } } | { fileId: string; orderId: string }> {
    const id = this.signer.verify(token, this.clock.now());
    if (id === null) throw new AppException('ACCESS_LINK_INVALID');
    return this.db.transaction(async (tx) => {
      const issued = await this.audit.issued(tx, id);
      if (!issued) throw new AppException('ACCESS_LINK_INVALID');
      await this.audit.record(tx, { actorId: issued.actorId, action: 'access.opened', orderId: issued.orderId, target: issued.target, reason: issued.reason });
      const [type, name = ''] = splitTarget(issued.target);
      if (type !== 'field') return { fileId: name, orderId: issued.orderId };
      const value = valueAt(await this.drafts.load(tx, issued.orderId), name);
      if (value === undefined) throw new AppException('ACCESS_TARGET_NOT_FOUND');
      return { field: { path: name, value } };
    });
  }

  private order(tx: EntityManager, orderId: string): Promise<Order> {
    return this.access.existing(tx, orderId);
  }

  private dueAt(submittedAt: Date): Promise<Date> {
    return this.calendar.addWorkingDays(new Date(submittedAt), WORKFLOW_TIMINGS.INITIAL_REVIEW_MAX.value);
  }
}

function claimView(claim: RoundClaim | undefined): ReviewClaim | null {
  return claim ? { reviewerId: claim.reviewerId, reviewerName: claim.reviewerName, claimedAt: claim.claimedAt.toISOString() } : null;
}

function toCallEntry(call: Pick<ReviewCallEntity, 'id' | 'outcome' | 'note' | 'reviewerId' | 'calledAt'>): CallLogEntry {
  return { id: call.id, outcome: call.outcome, note: call.note, reviewerId: call.reviewerId, calledAt: new Date(call.calledAt).toISOString() };
}

function targetName(target: AccessRequest['target']): string {
  return target.type === 'field' ? `field:${target.path}` : `${target.type}:${target.fileId}`;
}

function splitTarget(target: string): [string, string] {
  const at = target.indexOf(':');
  return [target.slice(0, at), target.slice(at + 1)];
}

/** What changed between the reviewed draft and now, by leaf path, personal values masked. */
function diff(before: DraftTree, after: DraftTree): DraftChange[] {
  const sections = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return sections.flatMap((section) =>
    changedPaths(before[section], after[section], section).map((path) => ({
      path,
      before: maskedLeaf(path, valueAt(before, path)) ?? null,
      after: maskedLeaf(path, valueAt(after, path)) ?? null,
    })),
  );
}
