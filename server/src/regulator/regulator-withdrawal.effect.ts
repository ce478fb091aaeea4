import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ORDER_STATUS_EFFECTS, type OrderStatusChange, type OrderStatusEffect } from '../order-core/order-status-effects';
import { RegulatorGateway } from './regulator-gateway.port';
import { latestSubmissionId } from './regulator-sim.submissions';

/** Moves away from MIIT / the 管局 that the regulator did not make itself: the provider withdraws the submission there. */
const WITHDRAWING_EVENTS = new Set(['withdraw', 'resource_lapsed']);
const AT_REGULATOR = new Set(['sms_verification', 'regulator_review']);

/** An order leaving the SMS check or the 管局 review by the applicant's withdrawal or a resource lapse is withdrawn at the regulator. */
@Injectable()
@ORDER_STATUS_EFFECTS()
export class RegulatorWithdrawal implements OrderStatusEffect {
  constructor(private readonly gateway: RegulatorGateway) {}

  async entered(tx: EntityManager, change: OrderStatusChange): Promise<void> {
    if (!AT_REGULATOR.has(change.from) || !WITHDRAWING_EVENTS.has(change.event)) return;
    const submissionId = await latestSubmissionId(tx, change.order.id);
    if (submissionId) await this.gateway.withdraw(tx, { orderId: change.order.id, submissionId });
  }
}
