import { Injectable } from '@nestjs/common';
import { ORDER_KINDS, fieldLabel, type OrderRejection, type OrderState } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { OrderStateMachine, type OrderRef } from '../order-core/order-state-machine';
import { ReviewDecisionEntity } from '../order-core/review-decision.entity';
import { Clock } from '../platform/clock/clock';
import { ResourceChecks } from './resource-checks';

/** Who returns an order whose resource lapsed: no reviewer, the system. */
const SYSTEM_REVIEWER = 'system';

/** Where the order is when the lapse is found: at the MIIT SMS check or the 管局, the provider withdraws it from there. */
const WITHDRAWN_FROM: Partial<Record<OrderState, string>> = {
  sms_verification: '订单已从工信部短信核验中撤回',
  regulator_review: '订单已从管局审核中撤回',
};

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
    const reasons: OrderRejection[] = findings.map((finding) => ({
      path: finding.path.replace(/(\.resource)\..*$/, '$1'),
      kind: 'field',
      reason: finding.message,
      suggestion: '请续费该资源，或改选本账号下满足备案条件的云资源后重新提交',
    }));
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
      reopenedPaths: '[]',
      createdAt: this.clock.now(),
    });
    return true;
  }
}
