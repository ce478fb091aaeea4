import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { OrderEvent, OrderState } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { discoverAll } from '../platform/discovered-port';
import type { FilingOrderEntity } from './filing-order.entity';

/** An order's status change as a higher module sees it, inside the transition's transaction. */
export interface OrderStatusChange {
  order: Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind'>;
  from: OrderState;
  to: OrderState;
  event: OrderEvent;
  /** Entering `approved`: the keys of the services the approval ended on the record (注销 / 取消接入). */
  endedServiceKeys?: readonly string[];
}

/** What a module holding data tied to an order does when the order changes status (codes reserved, consumed, released). */
export interface OrderStatusEffect {
  entered(tx: EntityManager, change: OrderStatusChange): Promise<void>;
}

/** `@ORDER_STATUS_EFFECTS()` on a provider registers it (a multi-provider port discovered at boot, like SUBMISSION_CHECKS). */
export const ORDER_STATUS_EFFECTS = DiscoveryService.createDecorator();

/** Runs every registered status effect, in the state machine's transaction. */
@Injectable()
export class OrderStatusEffects implements OnModuleInit {
  private effects: OrderStatusEffect[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.effects = discoverAll<OrderStatusEffect>(this.discovery, ORDER_STATUS_EFFECTS);
  }

  async entered(tx: EntityManager, change: OrderStatusChange): Promise<void> {
    for (const effect of this.effects) await effect.entered(tx, change);
  }
}
