import { Injectable } from '@nestjs/common';
import { ORDER_KINDS, fieldLabel, type FieldError, type OrderRejection, type OrderState } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { OrderStateMachine, type OrderRef } from '../order-core/order-state-machine';
import { ReviewDecisionEntity } from '../order-core/review-decision.entity';
import { Clock } from '../platform/clock/clock';
import { ResourceChecks } from './resource-checks';
import { AT_REGULATOR } from './resource-uses';

/** Who returns an order whose resource lapsed: no reviewer, the system. */
const SYSTEM_REVIEWER = 'system';

/** Where the order is when the lapse is found: at the MIIT SMS check or the 管局, the provider withdraws it from there. */
const WITHDRAWN_FROM: Partial<Record<OrderState, string>> = {
  sms_verification: '订单已从工信部短信核验中撤回',
  regulator_review: '订单已从管局审核中撤回',
};

/** The service's resource (`websites.N.resource`): the applicant may pick another one, or enter another code. */
const resourceOf = (path: string) => path.replace(/(\.resource)\..*$/, '$1');

/**
 * An instance's reason goes on the service's resource; a 授权码 / 服务码's on its own field (where the wizard shows it),
 * with the whole resource reopened so that another one can be chosen.
 */
function rejectionOf(finding: FieldError): OrderRejection {
  const onInstance = finding.code === 'RESOURCE_INELIGIBLE';
  return {
    path: onInstance ? resourceOf(finding.path) : finding.path,
    kind: 'field',
    reason: finding.message,
    suggestion: onInstance
      ? '请续费该资源，或改选本账号下满足备案条件的云资源后重新提交'
      : '请联系授权账号续费或更换服务器并重新生成，或改选本账号下满足备案条件的云资源后重新提交',
  };
}

/**
 * A resource that expired, was refunded or fell under a limit after submission sends the order back to the applicant
 * (`resource_lapsed`): before the 管局 sees it, or while MIIT texts the principals or the 管局 reviews it (the
 * regulator port withdraws the submission). Its resource fields are rejected with the reasons so they can be changed.
 */
@Injectable()
export class ResourceLapse {
  constructor(
    private readonly resources: ResourceChecks,
    private readonly drafts: OrderDraftStore,
    private readonly stateMachine: OrderStateMachine,
    private readonly clock: Clock,
  ) {}

  /** True when the order went back to the applicant. */
  async returnIfLapsed(tx: EntityManager, order: OrderRef): Promise<boolean> {
    if (!ORDER_KINDS[order.kind].flow.initialReview) return false;
    const draft = await this.drafts.load(tx, order.id);
    const findings = await this.resources.findings(tx, order.ownerId, draft, order.id);
    if (!findings.length) return false;
    const reasons = findings.map(rejectionOf);
    const reopened = [...new Set(findings.filter((finding) => finding.code !== 'RESOURCE_INELIGIBLE').map((finding) => resourceOf(finding.path)))];
    const withdrawn = WITHDRAWN_FROM[order.status];
    const why = reasons.map((r) => `${fieldLabel(r.path ?? '')}：${r.reason}`).join('；');
    await this.stateMachine.fire(tx, order, {
      event: 'resource_lapsed',
      actor: { type: 'system', id: null },
      reason: withdrawn ? `云资源不再满足备案条件，${withdrawn}。${why}` : why,
    });
    await tx.insert(ReviewDecisionEntity, {
      orderId: order.id,
      reviewerId: SYSTEM_REVIEWER,
      decision: 'reject',
      reasons: JSON.stringify(reasons),
      snapshot: this.drafts.seal(draft),
      reopenedPaths: JSON.stringify(reopened),
      createdAt: this.clock.now(),
    });
    return true;
  }

  /** After a 退费: the orders still at MIIT or the 管局 among `orderIds` go back when their resources lapsed. */
  async returnAtRegulator(tx: EntityManager, orderIds: string[]): Promise<void> {
    for (const orderId of new Set(orderIds)) {
      const order = await tx.findOne(FilingOrderEntity, {
        select: { id: true, ownerId: true, kind: true, status: true, version: true },
        where: { id: orderId },
      });
      if (order && AT_REGULATOR.includes(order.status)) await this.returnIfLapsed(tx, order);
    }
  }
}
