import { WORKFLOW_TIMINGS } from '@beian/shared';
import { MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { FilingOrderEntity } from '../order-core/filing-order.entity';
import { ReviewCallEntity } from './review-call.entity';

export const SECOND_CALL_JOB = 'review.second_call';
export const SECOND_CALL_AFTER_MS = WORKFLOW_TIMINGS.REVIEWER_SECOND_CALL_AFTER.value * 60_000;

/** Calls since the order was last submitted: a resubmission starts a new round. */
export function roundCalls(tx: EntityManager, order: Pick<FilingOrderEntity, 'id' | 'submittedAt' | 'createdAt'>): Promise<ReviewCallEntity[]> {
  return tx.find(ReviewCallEntity, {
    where: { orderId: order.id, calledAt: MoreThanOrEqual(order.submittedAt ?? order.createdAt) },
    order: { calledAt: 'ASC', id: 'ASC' },
  });
}

export function unreachableTwiceAnHourApart(calls: readonly ReviewCallEntity[]): boolean {
  const times = calls.filter((c) => c.outcome === 'unreachable').map((c) => new Date(c.calledAt).getTime());
  const first = times[0];
  const last = times.at(-1);
  return times.length >= 2 && first !== undefined && last !== undefined && last - first >= SECOND_CALL_AFTER_MS;
}
