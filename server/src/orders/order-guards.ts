import { Injectable } from '@nestjs/common';
import { DAY_MS, WORKFLOW_TIMINGS, type TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FilingOrderEntity } from '../order-core/filing-order.entity';
import { ChecksGuards, guardFailed, type GuardChecker, type GuardedOrder } from '../order-core/transition-guards';
import { Clock } from '../platform/clock/clock';

/** `inactivity_limit_reached`: the order has waited for the applicant, untouched, for the whole inactivity period. */
@Injectable()
@ChecksGuards(['inactivity_limit_reached'])
export class InactivityGuard implements GuardChecker {
  constructor(private readonly clock: Clock) {}

  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder): Promise<void> {
    const row = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, updatedAt: true }, where: { id: order.id } });
    const idle = this.clock.now().getTime() - new Date(row.updatedAt).getTime();
    if (idle < WORKFLOW_TIMINGS.INACTIVITY_EXPIRY.value * DAY_MS) throw guardFailed(guard);
  }
}
