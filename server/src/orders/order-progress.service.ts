import { Injectable } from '@nestjs/common';
import {
  ORDER_KINDS,
  ORDER_STATES,
  WORKFLOW_TIMINGS,
  nextStepText,
  statusLabel,
  whoseMove,
  type OrderProgress,
  type OrderState,
  type SessionUser,
  type SmsRecipientProgress,
} from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { CalendarService } from '../calendar/calendar.service';
import { chinaDate } from '../calendar/working-days.calendar';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { DatabaseService } from '../platform/database/database.service';
import { IcpNumberEntity } from '../regulator/icp-number.entity';
import { SmsVerificationEntity } from '../regulator/sms-verification.entity';
import { FilingOrderEntity } from './filing-order.entity';
import { OrderHistoryEntity } from './order-history.entity';
import { DAY_MS } from './order-jobs.policy';
import { loadTimeline } from './order-timeline.query';
import { OrdersService } from './orders.service';

type Order = Pick<FilingOrderEntity, 'id' | 'kind' | 'status' | 'version' | 'submittedAt' | 'updatedAt'>;

export type ProgressAnswer = { notModified: true; etag: string } | { notModified: false; etag: string; body: OrderProgress };

const SMS_STATES: readonly OrderState[] = ['sms_verification', 'sms_verification_failed'];
const timing = (key: keyof typeof WORKFLOW_TIMINGS) => WORKFLOW_TIMINGS[key].value;

/** The applicant's progress page, polled: the ETag is the order version, its latest history row, its SMS state and the day. */
@Injectable()
export class OrderProgressService {
  constructor(
    private readonly db: DatabaseService,
    private readonly orders: OrdersService,
    private readonly calendar: CalendarService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {}

  async progress(user: SessionUser, orderId: string, ifNoneMatch?: string): Promise<ProgressAnswer> {
    const tx = this.db.manager;
    await this.orders.ownedOrder(tx, user, orderId);
    const order = await tx.findOneOrFail(FilingOrderEntity, {
      select: { id: true, kind: true, status: true, version: true, submittedAt: true, updatedAt: true },
      where: { id: orderId },
    });
    const latest = await tx.findOne(OrderHistoryEntity, { select: { id: true }, where: { orderId }, order: { id: 'DESC' } });
    const sms = SMS_STATES.includes(order.status) ? await this.verifications(tx, orderId) : [];
    const smsStamp = sms.reduce((max, row) => Math.max(max, new Date(row.updatedAt).getTime()), 0);
    // The estimate counts working days, so a new day changes the answer too.
    const etag = `W/"${order.version}-${latest?.id ?? 0}-${smsStamp}-${chinaDate(this.clock.now())}"`;
    if (ifNoneMatch === etag) return { notModified: true, etag };
    return { notModified: false, etag, body: await this.build(tx, order, sms) };
  }

  private async build(tx: EntityManager, order: Order, sms: SmsVerificationEntity[]): Promise<OrderProgress> {
    const numbers = await tx.find(IcpNumberEntity, { select: { number: true }, where: { orderId: order.id }, order: { position: 'ASC' } });
    const deadline = this.deadline(order, sms);
    return {
      orderId: order.id,
      status: order.status,
      statusLabel: statusLabel(order.status, order.kind),
      nextStep: nextStepText(order.status, order.kind),
      whoseMove: whoseMove(order.status),
      ...(deadline ? { deadline: deadline.toISOString() } : {}),
      timeline: await loadTimeline(tx, order.id),
      sms: sms.map((row) => this.smsView(row)),
      estimate: await this.estimate(tx, order),
      ...(numbers.length ? { numbers: numbers.map((n) => n.number) } : {}),
    };
  }

  private async verifications(tx: EntityManager, orderId: string): Promise<SmsVerificationEntity[]> {
    const latest = await tx.findOne(SmsVerificationEntity, { select: { id: true, submissionId: true }, where: { orderId }, order: { id: 'DESC' } });
    return latest ? tx.find(SmsVerificationEntity, { where: { orderId, submissionId: latest.submissionId }, order: { id: 'ASC' } }) : [];
  }

  private smsView(row: SmsVerificationEntity): SmsRecipientProgress {
    return {
      recipientMasked: maskPersonalValue('mobile', this.cipher.decrypt(row.mobile)),
      roles: row.roles,
      status: row.status,
      deadline: row.status === 'pending' ? new Date(row.expiresAt).toISOString() : null,
      triesLeft: Math.max(0, timing('SMS_MAX_WRONG_ATTEMPTS') - row.wrongAttempts),
    };
  }

  /** By when the user must act: the SMS code's expiry, or the 45-day expiry of a state waiting for the applicant. */
  private deadline(order: Order, sms: SmsVerificationEntity[]): Date | null {
    if (order.status === 'sms_verification') {
      const pending = sms.filter((row) => row.status === 'pending').map((row) => new Date(row.expiresAt).getTime());
      return pending.length ? new Date(Math.min(...pending)) : null;
    }
    if (ORDER_STATES[order.status].expiresWhenInactive) return new Date(new Date(order.updatedAt).getTime() + timing('INACTIVITY_EXPIRY') * DAY_MS);
    return null;
  }

  /** Remaining working days until the 管局's answer, from the published 初审 and 管局 durations. */
  private async estimate(tx: EntityManager, order: Order): Promise<OrderProgress['estimate']> {
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
        const entered = await tx.findOne(OrderHistoryEntity, { select: { createdAt: true }, where: { orderId: order.id, toStatus: 'regulator_review' }, order: { id: 'DESC' } });
        const elapsed = entered ? await this.calendar.workingDaysBetween(new Date(entered.createdAt), now) : 0;
        return sum([0, 0], regulator, 0, elapsed);
      }
      default:
        return ORDER_STATES[order.status].terminal ? sum([0, 0], [0, 0]) : sum(initial, regulator);
    }
  }
}
