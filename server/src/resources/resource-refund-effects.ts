import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { discoverAll } from '../platform/discovered-port';

/** What follows an instance's 退费 in the data of another module (its unused 授权码 / 服务码 die). */
export interface ResourceRefundEffect {
  refunded(tx: EntityManager, accountId: string, instanceId: string): Promise<void>;
}

/** `@RESOURCE_REFUND_EFFECTS()` registers an effect, run in the transaction that records the refund. */
export const RESOURCE_REFUND_EFFECTS = DiscoveryService.createDecorator();

/** Runs every registered refund effect. */
@Injectable()
export class ResourceRefundEffects implements OnModuleInit {
  private effects: ResourceRefundEffect[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.effects = discoverAll<ResourceRefundEffect>(this.discovery, RESOURCE_REFUND_EFFECTS);
  }

  async refunded(tx: EntityManager, accountId: string, instanceId: string): Promise<void> {
    for (const effect of this.effects) await effect.refunded(tx, accountId, instanceId);
  }
}
