import { WORKFLOW_ACTORS, isWorkflowActor, statusLabel, type TimelineEntry } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { OrderHistoryEntity } from './order-history.entity';

/** The columns of a history row the timeline shows. */
export type TimelineRow = Pick<OrderHistoryEntity, 'fromStatus' | 'toStatus' | 'actorType' | 'reason' | 'createdAt'>;

/** One history row as the applicant and staff read it. */
export function timelineEntry(h: TimelineRow): TimelineEntry {
  return {
    at: new Date(h.createdAt).toISOString(),
    from: h.fromStatus,
    to: h.toStatus,
    toLabel: statusLabel(h.toStatus),
    actor: h.actorType,
    actorLabel: isWorkflowActor(h.actorType) ? WORKFLOW_ACTORS[h.actorType] : h.actorType,
    reason: h.reason,
  };
}

/** The order's history as the applicant and staff read it, oldest first. */
export async function loadTimeline(tx: EntityManager, orderId: string): Promise<TimelineEntry[]> {
  const history = await tx.find(OrderHistoryEntity, {
    select: { fromStatus: true, toStatus: true, actorType: true, reason: true, createdAt: true },
    where: { orderId },
    order: { id: 'ASC' },
  });
  return history.map(timelineEntry);
}
