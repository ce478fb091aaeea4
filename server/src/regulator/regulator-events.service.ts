import { Injectable } from '@nestjs/common';
import { TRANSITION_GUARDS, WORKFLOW_TIMINGS, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderStateMachine, type OrderRef } from '../order-core/order-state-machine';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { IcpNumberEntity } from './icp-number.entity';
import { SmsVerificationEntity } from './sms-verification.entity';

type SmsGuardCheck = (rows: SmsVerificationEntity[], now: Date) => boolean;

/** The SMS guards of the transition table, checked against the submission's verifications. */
const SMS_GUARDS: Partial<Record<TransitionGuard, SmsGuardCheck>> = {
  all_recipients_verified: (rows) => rows.length > 0 && rows.every((r) => r.status === 'verified'),
  sms_attempts_exhausted: (rows) => rows.some((r) => r.status === 'failed'),
  sms_resend_available: (rows) => rows.some((r) => r.status === 'expired' && !r.resent),
  sms_deadline_passed: (rows, now) => rows.some((r) => r.resent && r.status !== 'verified' && r.expiresAt <= now),
};

const ORDER_REF = { id: true, ownerId: true, kind: true, status: true, version: true } as const;
const REGULATOR = { type: 'regulator', id: null } as const;

/**
 * What the regulator tells us, applied to the order through the state machine in the caller's transaction.
 * Guards are checked against the recorded SMS verifications of the current submission.
 */
@Injectable()
export class RegulatorEventsService {
  constructor(
    private readonly stateMachine: OrderStateMachine,
    private readonly clock: Clock,
  ) {}

  async order(tx: EntityManager, orderId: string): Promise<OrderRef | null> {
    return tx.findOne(FilingOrderEntity, { select: ORDER_REF, where: { id: orderId } });
  }

  async smsResent(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    await this.stateMachine.fire(tx, order, { event: 'sms_resent', actor: REGULATOR, checkGuard: (g) => this.checkSms(tx, order.id, submissionId, g) });
  }

  async smsVerified(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    await this.stateMachine.fire(tx, order, { event: 'sms_verified', actor: REGULATOR, checkGuard: (g) => this.checkSms(tx, order.id, submissionId, g) });
  }

  async smsFailed(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    const reason = `负责人输入错误验证码超过 ${WORKFLOW_TIMINGS.SMS_MAX_WRONG_ATTEMPTS.value} 次，工信部短信核验失败。请核对负责人手机号码和证件信息后重新提交`;
    await this.stateMachine.fire(tx, order, { event: 'sms_failed', actor: REGULATOR, reason, checkGuard: (g) => this.checkSms(tx, order.id, submissionId, g) });
  }

  async smsTimedOut(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    const reason = '负责人未在有效期内（含次日 12 点重发）完成工信部短信核验，订单已退回。请提醒负责人留意核验短信后重新提交';
    await this.stateMachine.fire(tx, order, { event: 'sms_timeout', actor: REGULATOR, reason, checkGuard: (g) => this.checkSms(tx, order.id, submissionId, g) });
  }

  /** Records the numbers (unique: a repeated number fails the transaction) and approves the order. */
  /** `numbers`: the subject number first, then the services' (none for cancellations). */
  async approved(tx: EntityManager, order: OrderRef, numbers: string[]): Promise<void> {
    const issuedAt = this.clock.now();
    if (numbers.length) {
      await tx.insert(
        IcpNumberEntity,
        numbers.map((number, position) => ({ number, orderId: order.id, kind: position === 0 ? ('subject' as const) : ('service' as const), position, issuedAt })),
      );
    }
    await this.stateMachine.fire(tx, order, { event: 'regulator_approve', actor: REGULATOR, numbers });
  }

  async rejected(tx: EntityManager, order: OrderRef, reasons: string[]): Promise<void> {
    await this.stateMachine.fire(tx, order, {
      event: 'regulator_reject',
      actor: REGULATOR,
      reason: reasons.join('；'),
      checkGuard: async (guard) => {
        if (guard !== 'regulator_reasons_given' || !reasons.some((r) => r.trim())) throw this.guardFailed(guard);
      },
    });
  }

  private async checkSms(tx: EntityManager, orderId: string, submissionId: string, guard: TransitionGuard): Promise<void> {
    const rows = await tx.find(SmsVerificationEntity, { where: { orderId, submissionId } });
    const check = SMS_GUARDS[guard];
    const passed = check !== undefined && check(rows, this.clock.now());
    if (!passed) throw this.guardFailed(guard);
  }

  private guardFailed(guard: TransitionGuard): AppException {
    return new AppException('TRANSITION_NOT_ALLOWED', undefined, { reason: TRANSITION_GUARDS[guard].code }, TRANSITION_GUARDS[guard].message);
  }
}
