import { Injectable } from '@nestjs/common';
import {
  DAY_MS,
  chinaDate,
  ORDER_KINDS,
  ORDER_STATES,
  WORKFLOW_TIMINGS,
  nextEvents,
  nextStepText,
  statusLabel,
  whoseMove,
  type ApplicantOrderAction,
  type OrderKind,
  type OrderProgress,
  type OrderState,
  type SessionUser,
  type TimelineEntry,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { Clock } from '../platform/clock/clock';
import { DatabaseService } from '../platform/database/database.service';
import { AppException } from '../platform/errors/app-exception';
import type { FilingOrderEntity } from '../order-core/filing-order.entity';
import { RegulatorRecordsPort, type SmsRecipientState } from '../order-core/regulator-records.port';
import { TransitionGuards } from '../order-core/transition-guards';
import { timelineEntry, type TimelineRow } from '../order-core/order-timeline.query';

type PolledOrder = Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind' | 'status' | 'version' | 'submittedAt' | 'updatedAt'> & {
  latestHistoryId: number;
  history: TimelineRow[];
};
/** The order's columns on each of its history rows (once, with nulls, when it has none), oldest first. */
interface PolledOrderRow {
  id: string;
  owner_id: string;
  kind: OrderKind;
  status: OrderState;
  version: number | string;
  submitted_at: Date | string | null;
  updated_at: Date | string;
  history_id: number | string | null;
  from_status: OrderState | null;
  to_status: OrderState | null;
  actor_type: string | null;
  reason: string | null;
  history_at: Date | string | null;
}

export type ProgressAnswer = { notModified: true; etag: string } | { notModified: false; etag: string; body: OrderProgress };

const SMS_STATES: readonly OrderState[] = ['sms_verification', 'sms_verification_failed'];
const timing = (key: keyof typeof WORKFLOW_TIMINGS) => WORKFLOW_TIMINGS[key].value;

/**
 * The applicant's progress page, polled: the ETag is the order version, its latest history row, its SMS state and the day.
 * The answer's `now` is not in it: between changes the page counts on from the offset of the last answer.
 */
@Injectable()
export class OrderProgressService {
  constructor(
    private readonly db: DatabaseService,
    private readonly calendar: CalendarService,
    private readonly regulatorRecords: RegulatorRecordsPort,
    private readonly guards: TransitionGuards,
    private readonly clock: Clock,
  ) {}

  /**
   * A poll holding an ETag first reads only what the ETag is made of (one narrow statement, no history rows): the
   * usual answer is 304. Without one, or when it changed, the order and its whole history in one statement.
   */
  async progress(user: SessionUser, orderId: string, ifNoneMatch?: string): Promise<ProgressAnswer> {
    const tx = this.db.manager;
    if (ifNoneMatch) {
      const head = await this.polledHead(user, orderId);
      const etag = this.etag(head, await this.smsOf(tx, head.status, orderId));
      if (ifNoneMatch === etag) return { notModified: true, etag };
    }
    const order = await this.polledOrder(user, orderId);
    const sms = await this.smsOf(tx, order.status, orderId);
    const etag = this.etag(order, sms);
    if (ifNoneMatch === etag) return { notModified: true, etag };
    return { notModified: false, etag, body: await this.build(tx, order, sms) };
  }

  private smsOf(tx: EntityManager, status: OrderState, orderId: string): Promise<SmsRecipientState[]> {
    return SMS_STATES.includes(status) ? this.regulatorRecords.smsRecipients(tx, orderId) : Promise.resolve([]);
  }

  /** The estimate counts working days, so a new day changes the answer too. */
  private etag(order: Pick<PolledOrder, 'version' | 'latestHistoryId'>, sms: SmsRecipientState[]): string {
    const smsStamp = sms.reduce((max, row) => Math.max(max, new Date(row.updatedAt).getTime()), 0);
    return `W/"${order.version}-${order.latestHistoryId}-${smsStamp}-${chinaDate(this.clock.now())}"`;
  }

  /** What the ETag is made of: the caller's order's state and version and its latest history row. */
  private async polledHead(user: SessionUser, orderId: string): Promise<Pick<PolledOrder, 'status' | 'version' | 'latestHistoryId'>> {
    const [row] = await this.db.read<{ owner_id: string; status: OrderState; version: number | string; latest_history_id: number | string | null }>(
      `SELECT o.owner_id, o.status, o.version, (SELECT MAX(h.id) FROM order_history h WHERE h.order_id = o.id) AS latest_history_id
         FROM filing_orders o WHERE o.id = ?`,
      [orderId],
    );
    if (!row || row.owner_id !== user.id) throw new AppException('ORDER_NOT_FOUND');
    return { status: row.status, version: Number(row.version), latestHistoryId: Number(row.latest_history_id ?? 0) };
  }

  /** What every poll needs, in one statement: the caller's order with its history (the latest row makes the ETag). */
  private async polledOrder(user: SessionUser, orderId: string): Promise<PolledOrder> {
    const rows = await this.db.read<PolledOrderRow>(
      `SELECT o.id, o.owner_id, o.kind, o.status, o.version, o.submitted_at, o.updated_at,
              h.id AS history_id, h.from_status, h.to_status, h.actor_type, h.reason, h.created_at AS history_at
         FROM filing_orders o LEFT JOIN order_history h ON h.order_id = o.id
        WHERE o.id = ?`,
      [orderId],
    );
    const row = rows[0];
    if (!row || row.owner_id !== user.id) throw new AppException('ORDER_NOT_FOUND');
    // Sorted here: ORDER BY on the joined table costs MariaDB a temporary table (with a TEXT column, on disk) per poll.
    const history = rows.filter((h) => h.history_id !== null).sort((a, b) => Number(a.history_id) - Number(b.history_id));
    return {
      id: row.id,
      ownerId: row.owner_id,
      kind: row.kind,
      status: row.status,
      version: Number(row.version),
      submittedAt: row.submitted_at === null ? null : this.db.timeFromRow(row.submitted_at),
      updatedAt: this.db.timeFromRow(row.updated_at),
      latestHistoryId: Number(history.at(-1)?.history_id ?? 0),
      history: history.map((h) => ({
        fromStatus: h.from_status,
        toStatus: h.to_status!,
        actorType: h.actor_type!,
        reason: h.reason,
        createdAt: this.db.timeFromRow(h.history_at!),
      })),
    };
  }

  private async build(tx: EntityManager, order: PolledOrder, sms: SmsRecipientState[]): Promise<OrderProgress> {
    const timeline = order.history.map(timelineEntry);
    const numbers = order.status === 'approved' ? await this.regulatorRecords.numbers(tx, order.id) : [];
    const deadline = this.deadline(order, sms);
    return {
      orderId: order.id,
      status: order.status,
      statusLabel: statusLabel(order.status, order.kind),
      nextStep: nextStepText(order.status, order.kind),
      whoseMove: whoseMove(order.status),
      ...(deadline ? { deadline: deadline.toISOString() } : {}),
      timeline,
      sms: sms.map(({ updatedAt: _updatedAt, expiresAt: _expiresAt, ...view }) => view),
      estimate: await this.estimate(order, timeline),
      ...(numbers.length ? { numbers } : {}),
      applicantActions: await this.applicantActions(tx, order),
      now: this.clock.now().toISOString(),
    };
  }

  /** 撤回修改 only while its guard would pass; a claim bumps the order's version, so the ETag changes when it stops. */
  private async applicantActions(tx: EntityManager, order: PolledOrder): Promise<ApplicantOrderAction[]> {
    const events = nextEvents(order.status, 'applicant', order.kind);
    const pullBack = events.includes('reopen') && (await this.guards.passes('review_not_started', tx, order));
    return [...(pullBack ? (['pull_back'] as const) : []), ...(events.includes('withdraw') ? (['withdraw'] as const) : [])];
  }

  /** By when the user must act: the SMS code's expiry, or the 45-day expiry of a state waiting for the applicant. */
  private deadline(order: PolledOrder, sms: SmsRecipientState[]): Date | null {
    if (order.status === 'sms_verification') {
      const pending = sms.filter((row) => row.status === 'pending').map((row) => new Date(row.expiresAt).getTime());
      return pending.length ? new Date(Math.min(...pending)) : null;
    }
    if (ORDER_STATES[order.status].expiresWhenInactive) return new Date(new Date(order.updatedAt).getTime() + timing('INACTIVITY_EXPIRY') * DAY_MS);
    return null;
  }

  /** Remaining working days until the 管局's answer, from the published 初审 and 管局 durations. */
  private async estimate(order: PolledOrder, timeline: readonly TimelineEntry[]): Promise<OrderProgress['estimate']> {
    const flow = ORDER_KINDS[order.kind].flow;
    const initial = flow.initialReview ? [timing('INITIAL_REVIEW_MIN'), timing('INITIAL_REVIEW_MAX')] : [0, 0];
    const regulator = flow.regulator ? [timing('REGULATOR_REVIEW_MIN'), timing('REGULATOR_REVIEW_MAX')] : [0, 0];
    const now = this.clock.now();
    const sum = (a: number[], b: number[], elapsedA = 0, elapsedB = 0) => ({
      minWorkingDays: Math.max(0, (a[0] ?? 0) - elapsedA) + Math.max(0, (b[0] ?? 0) - elapsedB),
      maxWorkingDays: Math.max(0, (a[1] ?? 0) - elapsedA) + Math.max(0, (b[1] ?? 0) - elapsedB),
    });
    switch (order.status) {
      case 'pending_initial_review': {
        const elapsed = order.submittedAt ? await this.calendar.workingDaysBetween(new Date(order.submittedAt), now) : 0;
        return sum(initial, regulator, elapsed);
      }
      case 'pending_regulator_submission':
      case 'sms_verification':
        return sum([0, 0], regulator);
      case 'regulator_review': {
        const entered = [...timeline].reverse().find((entry) => entry.to === 'regulator_review');
        const elapsed = entered ? await this.calendar.workingDaysBetween(new Date(entered.at), now) : 0;
        return sum([0, 0], regulator, 0, elapsed);
      }
      default:
        return ORDER_STATES[order.status].terminal ? sum([0, 0], [0, 0]) : sum(initial, regulator);
    }
  }
}
