import { Injectable } from '@nestjs/common';
import { canTransition, type OrderEvent, type WorkflowActor } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { JobScheduler } from '../jobs/job-scheduler';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { OutboxWriter } from '../outbox/outbox.writer';
import { FilingOrderEntity } from './filing-order.entity';
import { OrderHistoryEntity } from './order-history.entity';
import { OrderApprovalPort } from './order-approval.port';
import { OrderDraftStore } from './order-draft.store';
import { OrderStatusEffects } from './order-status-effects';
import { jobsOnEntering } from './order-jobs.policy';
import { TransitionGuards, type GuardInput } from './transition-guards';

export interface TransitionRequest {
  event: OrderEvent;
  actor: { type: WorkflowActor; id: string | null };
  reason?: string;
  /** What this move brings for its guard (a rejection's reasons, the regulator submission …); the guard's checker reads it. */
  guardInput?: GuardInput;
  /** ICP numbers issued by this transition (管局 approval); the progress message prints them. */
  numbers?: string[];
}

export type OrderRef = Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind' | 'status' | 'version'>;

export interface TransitionResult extends OrderRef {
  historyId: string;
}

/**
 * The only way an order's status changes: checks the shared transition table and the transition's guard, bumps the version (a concurrent
 * change makes this one fail), writes a history row, the resulting outbox event and the jobs the new state
 * starts, all in the caller's transaction.
 */
@Injectable()
export class OrderStateMachine {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly jobs: JobScheduler,
    private readonly clock: Clock,
    private readonly guards: TransitionGuards,
    private readonly drafts: OrderDraftStore,
    private readonly approval: OrderApprovalPort,
    private readonly statusEffects: OrderStatusEffects,
  ) {}

  async fire(tx: EntityManager, order: OrderRef, request: TransitionRequest, extra: Partial<FilingOrderEntity> = {}): Promise<TransitionResult> {
    const decision = canTransition(order.status, request.event, request.actor.type, order.kind);
    if (!decision.ok) throw new AppException('TRANSITION_NOT_ALLOWED', undefined, { reason: decision.code }, decision.message);
    if (decision.guard) await this.guards.check(decision.guard, tx, order, request.guardInput);
    const now = this.clock.now();
    const updated = await tx.update(
      FilingOrderEntity,
      { id: order.id, version: order.version },
      { ...extra, status: decision.to, version: order.version + 1, updatedAt: now },
    );
    if (!updated.affected) throw new AppException('VERSION_CONFLICT');
    const endedServiceKeys = decision.to === 'approved' ? await this.applyApproval(tx, order.id, request.numbers ?? [], now) : undefined;
    await this.statusEffects.entered(tx, { order, from: order.status, to: decision.to, event: request.event, endedServiceKeys });
    const history = await tx.insert(OrderHistoryEntity, {
      orderId: order.id,
      fromStatus: order.status,
      toStatus: decision.to,
      event: request.event,
      actorType: request.actor.type,
      actorId: request.actor.id,
      reason: request.reason ?? null,
      createdAt: now,
    });
    const historyId = String(history.identifiers[0]?.id);
    await this.outbox.write(
      tx,
      [
        {
          type: 'order.status_changed',
          aggregateId: order.id,
          payload: {
            orderId: order.id,
            ownerId: order.ownerId,
            kind: order.kind,
            from: order.status,
            to: decision.to,
            event: request.event,
            reason: request.reason ?? null,
            ...(request.numbers?.length ? { numbers: request.numbers } : {}),
          },
          dedupeKey: `order.status_changed:${order.id}:${historyId}`,
        },
      ],
      now,
    );
    for (const job of jobsOnEntering(order, decision.to, historyId, now)) await this.jobs.schedule(tx, job);
    return { ...order, status: decision.to, version: order.version + 1, historyId };
  }

  /** The approved order's effect on the record (备案信息) and the subject it now belongs to; answers the services it ended. */
  private async applyApproval(tx: EntityManager, orderId: string, numbers: string[], at: Date): Promise<string[]> {
    const order = await tx.findOneOrFail(FilingOrderEntity, {
      select: { id: true, ownerId: true, kind: true, subjectType: true, serviceType: true, subjectId: true, serviceIds: true },
      where: { id: orderId },
    });
    const { subjectId, endedServiceKeys } = await this.approval.apply(tx, { order, draft: await this.drafts.load(tx, orderId), numbers, at });
    if (subjectId && subjectId !== order.subjectId) await tx.update(FilingOrderEntity, { id: orderId }, { subjectId });
    return endedServiceKeys ?? [];
  }
}
