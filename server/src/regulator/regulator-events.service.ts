import { Injectable } from '@nestjs/common';
import { WORKFLOW_TIMINGS } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderStateMachine, type OrderRef } from '../order-core/order-state-machine';
import { Clock } from '../platform/clock/clock';
import { serviceSeqOf } from '../filing-record/record-from-draft';
import type { IssuedNumbers } from './icp-number.allocator';
import { IcpNumberEntity } from './icp-number.entity';

const ORDER_REF = { id: true, ownerId: true, kind: true, status: true, version: true } as const;
const REGULATOR = { type: 'regulator', id: null } as const;

/**
 * What the regulator tells us, applied to the order through the state machine in the caller's transaction.
 * The guards are checked by RegulatorGuards against the recorded SMS verifications of the given submission.
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
    await this.stateMachine.fire(tx, order, { event: 'sms_resent', actor: REGULATOR, guardInput: { submissionId } });
  }

  async smsVerified(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    await this.stateMachine.fire(tx, order, { event: 'sms_verified', actor: REGULATOR, guardInput: { submissionId } });
  }

  async smsFailed(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    const reason = `负责人输入错误验证码超过 ${WORKFLOW_TIMINGS.SMS_MAX_WRONG_ATTEMPTS.value} 次，工信部短信核验失败。请核对负责人手机号码和证件信息后重新提交`;
    await this.stateMachine.fire(tx, order, { event: 'sms_failed', actor: REGULATOR, reason, guardInput: { submissionId } });
  }

  async smsTimedOut(tx: EntityManager, order: OrderRef, submissionId: string): Promise<void> {
    const reason = '负责人未在有效期内（含次日 12 点重发）完成工信部短信核验，订单已退回。请提醒负责人留意核验短信后重新提交';
    await this.stateMachine.fire(tx, order, { event: 'sms_timeout', actor: REGULATOR, reason, guardInput: { submissionId } });
  }

  /**
   * Records the numbers this approval issued or kept (unique: a repeated number fails the transaction) and approves
   * the order; the state machine writes the record (备案信息) in the same transaction. `numbers`: null for kinds
   * that issue none (cancellations).
   */
  async approved(tx: EntityManager, order: OrderRef, numbers: IssuedNumbers | null): Promise<void> {
    const issuedAt = this.clock.now();
    const rows = numbers
      ? [
          ...(numbers.subjectIsNew ? [{ number: numbers.subject, kind: 'subject' as const, position: 0 }] : []),
          ...numbers.services.map((number) => ({ number, kind: 'service' as const, position: serviceSeqOf(number) })),
        ]
      : [];
    if (rows.length)
      await tx.insert(
        IcpNumberEntity,
        rows.map((row) => ({ ...row, orderId: order.id, issuedAt })),
      );
    const all = numbers ? [numbers.subject, ...numbers.services] : [];
    await this.stateMachine.fire(tx, order, { event: 'regulator_approve', actor: REGULATOR, numbers: all });
  }

  async rejected(tx: EntityManager, order: OrderRef, reasons: string[]): Promise<void> {
    await this.stateMachine.fire(tx, order, {
      event: 'regulator_reject',
      actor: REGULATOR,
      reason: reasons.join('；'),
      guardInput: { regulatorReasons: reasons },
    });
  }
}
