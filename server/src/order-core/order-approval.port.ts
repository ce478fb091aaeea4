import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverOne } from '../platform/discovered-port';
import type { FilingOrderEntity } from './filing-order.entity';
import type { DraftTree } from './order-draft.store';

/** An order entering `approved`, with the draft it was approved with and what the 管局 answered. */
export interface ApprovedOrder {
  order: Pick<FilingOrderEntity, 'id' | 'ownerId' | 'kind' | 'subjectType' | 'serviceType' | 'subjectId' | 'serviceIds'>;
  draft: DraftTree;
  /** The subject number first, then the services' in the draft's order (websites, then APPs); empty for kinds that issue none. */
  numbers: string[];
  at: Date;
}

export interface ApprovalOutcome {
  subjectId: string | null;
  /** The keys (`serviceKey` of shared) of the services the approval ended: 注销服务 / 注销主体 / 取消接入. */
  endedServiceKeys?: string[];
}

/** What an approval does to the approved filing (备案信息), in the approval's transaction. */
export interface OrderApprovalEffect {
  /** Applies the order to the record; answers the subject the order now belongs to (null when it has none). */
  apply(tx: EntityManager, approved: ApprovedOrder): Promise<ApprovalOutcome>;
}

/** `@ORDER_APPROVAL_EFFECT()` on the one provider that writes the record on approval (the filing-record module). */
export const ORDER_APPROVAL_EFFECT = DiscoveryService.createDecorator();

/** Finds the registered OrderApprovalEffect at boot; the app does not start without exactly one. */
@Injectable()
export class OrderApprovalPort implements OnModuleInit, OrderApprovalEffect {
  private effect: OrderApprovalEffect | null = null;

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.effect = discoverOne<OrderApprovalEffect>(this.discovery, ORDER_APPROVAL_EFFECT, 'OrderApprovalEffect');
  }

  apply(tx: EntityManager, approved: ApprovedOrder): Promise<ApprovalOutcome> {
    if (!this.effect) throw new Error('OrderApprovalEffect asked before boot');
    return this.effect.apply(tx, approved);
  }
}
