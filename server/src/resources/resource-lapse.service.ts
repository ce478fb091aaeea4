import { Injectable } from '@nestjs/common';
import { ORDER_KINDS, fieldLabel, type OrderRejection } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import type { FilingOrderEntity } from '../order-core/filing-order.entity';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { OrderStateMachine } from '../order-core/order-state-machine';
import { ReviewDecisionEntity } from '../order-core/review-decision.entity';
import { Clock } from '../platform/clock/clock';
import { ResourceChecks } from './resource-checks';

/** Who returns an order whose resource lapsed: no reviewer, the system. */
const SYSTEM_REVIEWER = 'system';

/**
 * Before an order goes to the 管局: a resource that expired, was refunded or fell under a limit during 初审 sends the
 * order back to the applicant (`resource_lapsed`), its resource fields rejected with the reasons so they can be changed.
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
  async returnIfLapsed(tx: EntityManager, order: FilingOrderEntity): Promise<boolean> {
    if (!ORDER_KINDS[order.kind].flow.initialReview) return false;
    const draft = await this.drafts.load(tx, order.id);
    const findings = await this.resources.findings(tx, order.ownerId, draft);
    if (!findings.length) return false;
    const reasons: OrderRejection[] = findings.map((finding) => ({
      path: finding.path.replace(/(\.resource)\..*$/, '$1'),
      kind: 'field',
      reason: finding.message,
      suggestion: '请续费该资源，或改选本账号下满足备案条件的云资源后重新提交',
    }));
    await this.stateMachine.fire(tx, order, {
      event: 'resource_lapsed',
      actor: { type: 'system', id: null },
      reason: reasons.map((r) => `${fieldLabel(r.path ?? '')}：${r.reason}`).join('；'),
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
