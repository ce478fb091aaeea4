import { Injectable } from '@nestjs/common';
import { DAY_MS, WORKFLOW_TIMINGS, isTerminal, type TransitionGuard } from '@beian/shared';
import { Not, type EntityManager } from 'typeorm';
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

/**
 * `migration_allowed` (迁移备案账号), from what we hold today: the subject has an approved filing with us held by
 * another account, no order of that subject is in flight, and the account it moves to has no other filing or
 * order. Whether the account's real name matches the subject is not known to us yet (no real-name data).
 */
@Injectable()
@ChecksGuards(['migration_allowed'])
export class MigrationGuard implements GuardChecker {
  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder): Promise<void> {
    const row = await tx.findOneOrFail(FilingOrderEntity, { select: { id: true, subjectIndex: true }, where: { id: order.id } });
    if (!row.subjectIndex) throw guardFailed(guard);
    const subjectOrders = await tx.find(FilingOrderEntity, {
      select: { id: true, ownerId: true, status: true },
      where: { subjectIndex: row.subjectIndex, id: Not(order.id) },
    });
    const heldElsewhere = subjectOrders.some((o) => o.status === 'approved' && o.ownerId !== order.ownerId);
    const inFlight = subjectOrders.some((o) => !isTerminal(o.status));
    const accountOrders = await tx.find(FilingOrderEntity, { select: { id: true, status: true }, where: { ownerId: order.ownerId, id: Not(order.id) } });
    const accountHasFilings = accountOrders.some((o) => o.status === 'approved' || !isTerminal(o.status));
    if (!heldElsewhere || inFlight || accountHasFilings) throw guardFailed(guard);
  }
}
