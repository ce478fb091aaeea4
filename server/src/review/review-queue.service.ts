import { Injectable } from '@nestjs/common';
import {
  ORDER_KINDS,
  WORKFLOW_TIMINGS,
  changesRecord,
  statusLabel,
  type CallLogEntry,
  type DraftChange,
  type OrderRejection,
  type ReviewClaim,
  type ReviewMaterial,
  type ReviewOrderDetail,
  type ReviewQueueItem,
  type RecordChange,
} from '@beian/shared';
import { In } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { RecordDrafts } from '../filing-record/record-draft';
import { changedPaths, maskedLeaf, valueAt } from '../order-core/draft-paths.util';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { FaceCheckRecordsPort } from '../order-core/face-check-records.port';
import { OrderAccess } from '../order-core/order-access';
import { OrderDraftStore, type DraftTree } from '../order-core/order-draft.store';
import { OrderFieldLock } from '../order-core/order-field-lock.service';
import { loadTimeline } from '../order-core/order-timeline.query';
import { DatabaseService } from '../platform/database/database.service';
import { ReviewCallEntity } from './review-call.entity';
import { roundCalls, unreachableTwiceAnHourApart } from './review-calls.query';
import { roundClaims, type RoundClaim } from './review-claims.query';
import { ReviewDecisionEntity } from '../order-core/review-decision.entity';

const QUEUE_LIMIT = 200;

/** The 初审 reads: the queue (most urgent first) and one order as the reviewer sees it. */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly db: DatabaseService,
    private readonly drafts: OrderDraftStore,
    private readonly access: OrderAccess,
    private readonly faceChecks: FaceCheckRecordsPort,
    private readonly fieldLock: OrderFieldLock,
    private readonly calendar: CalendarService,
    private readonly recordDrafts: RecordDrafts,
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
    const calls = ids.length
      ? await tx.find(ReviewCallEntity, { select: { orderId: true, outcome: true, calledAt: true }, where: { orderId: In(ids), outcome: 'unreachable' } })
      : [];
    const reviewed = new Set(
      ids.length
        ? (
            await tx
              .createQueryBuilder(ReviewDecisionEntity, 'd')
              .select('DISTINCT d.order_id', 'orderId')
              .where({ orderId: In(ids) })
              .getRawMany<{ orderId: string }>()
          ).map((r) => r.orderId)
        : [],
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

  async detail(orderId: string): Promise<ReviewOrderDetail> {
    const tx = this.db.manager;
    const order = await this.access.existing(tx, orderId);
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
      recordChanges: await this.recordChanges(order, draft),
    };
  }

  /** 变更: the record → order diff 初审 decides on. */
  private async recordChanges(order: Pick<FilingOrderEntity, 'kind' | 'subjectId' | 'serviceIds'>, draft: DraftTree): Promise<RecordChange[] | null> {
    if (!changesRecord(order.kind) || !order.subjectId) return null;
    const record = await this.recordDrafts.draftOf(this.db.manager, order.subjectId, order.serviceIds ? (JSON.parse(order.serviceIds) as string[]) : []);
    return record ? this.recordDrafts.changes(record.draft, draft) : null;
  }

  private dueAt(submittedAt: Date): Promise<Date> {
    return this.calendar.addWorkingDays(new Date(submittedAt), WORKFLOW_TIMINGS.INITIAL_REVIEW_MAX.value);
  }
}

export function claimView(claim: RoundClaim | undefined): ReviewClaim | null {
  return claim ? { reviewerId: claim.reviewerId, reviewerName: claim.reviewerName, claimedAt: claim.claimedAt.toISOString() } : null;
}

export function toCallEntry(call: Pick<ReviewCallEntity, 'id' | 'outcome' | 'note' | 'reviewerId' | 'calledAt'>): CallLogEntry {
  return { id: call.id, outcome: call.outcome, note: call.note, reviewerId: call.reviewerId, calledAt: new Date(call.calledAt).toISOString() };
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
