import { Injectable } from '@nestjs/common';
import { canTransition, type OrderEvent, type TransitionGuard, type WorkflowActor } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { OutboxWriter } from '../outbox/outbox.writer';
import { FilingOrderEntity } from './filing-order.entity';
import { OrderHistoryEntity } from './order-history.entity';

export interface TransitionRequest {
  event: OrderEvent;
  actor: { type: WorkflowActor; id: string | null };
  reason?: string;
  /** Checks the transition's guard against the order's data; throws the guard's error when it fails. */
  checkGuard?: (guard: TransitionGuard) => Promise<void>;
}

type OrderRef = Pick<FilingOrderEntity, 'id' | 'kind' | 'status' | 'version'>;

/**
 * The only way an order's status changes: checks the shared transition table, bumps the version (a concurrent
 * change makes this one fail), writes a history row and the resulting outbox event in the caller's transaction.
 */
@Injectable()
export class OrderStateMachine {
  constructor(
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async fire(tx: EntityManager, order: OrderRef, request: TransitionRequest, extra: Partial<FilingOrderEntity> = {}): Promise<OrderRef> {
    const decision = canTransition(order.status, request.event, request.actor.type, order.kind);
    if (!decision.ok) throw new AppException('TRANSITION_NOT_ALLOWED', 409, undefined, { reason: decision.code }, decision.message);
    if (decision.guard) {
      if (!request.checkGuard) throw new Error(`Transition ${request.event} needs its guard ${decision.guard} checked`);
      await request.checkGuard(decision.guard);
    }
    const now = this.clock.now();
    const updated = await tx.update(
      FilingOrderEntity,
      { id: order.id, version: order.version },
      { ...extra, status: decision.to, version: order.version + 1, updatedAt: now },
    );
    if (!updated.affected) throw new AppException('VERSION_CONFLICT', 409);
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
          payload: { orderId: order.id, kind: order.kind, from: order.status, to: decision.to, event: request.event, reason: request.reason ?? null },
          dedupeKey: `order.status_changed:${order.id}:${historyId}`,
        },
      ],
      now,
    );
    return { ...order, status: decision.to, version: order.version + 1 };
  }
}
