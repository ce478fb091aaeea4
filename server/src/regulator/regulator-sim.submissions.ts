import type { EntityManager } from 'typeorm';
import { OrderHistoryEntity } from '../order-core/order-history.entity';
import type { OrderRef } from '../order-core/order-state-machine';
import type { RegulatorEventsService } from './regulator-events.service';

/** The simulated MIIT/管局's steps; each is a job, so fast-forwarding the clock and draining the jobs plays it out. */
export const SIM_JOB = {
  deliver: 'regulator_sim.sms_deliver',
  expiry: 'regulator_sim.sms_expiry',
  resend: 'regulator_sim.sms_resend',
  result: 'regulator_sim.sms_result',
  review: 'regulator_sim.review',
} as const;

export interface SubmissionRef {
  orderId: string;
  submissionId: string;
}

/** The latest submission of an order to the regulator (the history row of its `submit_to_regulator`). */
export async function latestSubmissionId(tx: EntityManager, orderId: string): Promise<string | null> {
  const row = await tx.findOne(OrderHistoryEntity, { select: { id: true }, where: { orderId, event: 'submit_to_regulator' }, order: { id: 'DESC' } });
  return row ? String(row.id) : null;
}

/** The order when it still waits in `state` for this very submission; a job of an older submission is moot. */
export async function currentOrder(
  tx: EntityManager,
  events: RegulatorEventsService,
  ref: SubmissionRef,
  state: 'sms_verification' | 'regulator_review',
): Promise<OrderRef | null> {
  const order = await events.order(tx, ref.orderId);
  if (order?.status !== state) return null;
  return (await latestSubmissionId(tx, ref.orderId)) === ref.submissionId ? order : null;
}
