import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrderDraftStore } from '../order-core/order-draft.store';
import { ORDER_STATUS_EFFECTS, type OrderStatusChange, type OrderStatusEffect } from '../order-core/order-status-effects';
import { AppException } from '../platform/errors/app-exception';
import { ResourceChecks } from './resource-checks';
import { ResourceEligibility } from './resource-eligibility.service';
import { ResourceLapseJobs } from './resource-lapse.jobs';
import { ResourceLapse } from './resource-lapse.service';
import { RESOURCE_REFUND_EFFECTS, type ResourceRefundEffect } from './resource-refund-effects';
import { AT_REGULATOR, IN_FLIGHT, ResourceUses, instanceUses } from './resource-uses';

/**
 * An order's services on instances follow its status: counted from submission (the quota checked again under lock,
 * so two submissions at once cannot both pass), kept when approved, dropped when it goes back to the applicant,
 * is withdrawn or expires. Arriving at the regulator starts the order's lapse checks.
 */
@Injectable()
@ORDER_STATUS_EFFECTS()
export class ResourceUsesOnOrderStatus implements OrderStatusEffect {
  constructor(
    private readonly uses: ResourceUses,
    private readonly eligibility: ResourceEligibility,
    private readonly drafts: OrderDraftStore,
    private readonly lapseJobs: ResourceLapseJobs,
    private readonly checks: ResourceChecks,
  ) {}

  async entered(tx: EntityManager, change: OrderStatusChange): Promise<void> {
    const { order, to } = change;
    if ((change.event === 'submit' || change.event === 'resubmit') && IN_FLIGHT.includes(to)) await this.reserve(tx, change);
    else if (to === 'approved') {
      await this.uses.approve(tx, order);
      await this.uses.releaseServices(tx, change.endedServiceKeys ?? []);
    } else if (IN_FLIGHT.includes(to)) await this.uses.restage(tx, order.id, to);
    else await this.uses.release(tx, order.id);
    if (AT_REGULATOR.includes(to) && !AT_REGULATOR.includes(change.from) && (await this.checks.standsOn(tx, order.id))) {
      await this.lapseJobs.scheduleNext(tx, order.id);
    }
  }

  private async reserve(tx: EntityManager, { order, to }: OrderStatusChange): Promise<void> {
    const draft = await this.drafts.load(tx, order.id);
    const uses = instanceUses(draft);
    const created = await this.uses.lock(
      tx,
      order.ownerId,
      uses.map((use) => use.instanceId),
    );
    const refused = await this.eligibility.findings(tx, order.ownerId, draft, order.id, created);
    if (refused.length) throw new AppException('PRECHECK_FAILED', refused);
    await this.uses.record(tx, order, uses, to);
  }
}

/** A 退费 of an instance that an order at MIIT or the 管局 stands on sends that order back at once. */
@Injectable()
@RESOURCE_REFUND_EFFECTS()
export class LapseOnRefund implements ResourceRefundEffect {
  constructor(
    private readonly uses: ResourceUses,
    private readonly lapse: ResourceLapse,
  ) {}

  async refunded(tx: EntityManager, accountId: string, instanceId: string): Promise<void> {
    await this.lapse.returnAtRegulator(tx, await this.uses.ordersOn(tx, accountId, instanceId, [...AT_REGULATOR]));
  }
}
