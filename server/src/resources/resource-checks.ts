import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { discoverAll } from '../platform/discovered-port';
import type { DraftTree } from '../order-core/order-draft.store';

/** Whether what a draft's services stand on (`websites.N.resource`, `apps.N.resource`) may host them now, for the account. */
export interface ResourceCheck {
  /** `orderId`: the order the draft belongs to (its own in-flight uses are not counted against it). */
  findings(tx: EntityManager, accountId: string, draft: DraftTree, orderId: string | null): Promise<FieldError[]>;
  /** Whether the submitted order holds a resource of this kind (its lapse is then looked for daily at MIIT and the 管局). */
  standsOn(tx: EntityManager, orderId: string): Promise<boolean>;
}

/**
 * `@RESOURCE_CHECKS()` registers a check of one kind of resource: this module's instances; the 备案授权码 / 服务码 module
 * adds its own. Each runs at submission and again before the order goes to the 管局 (a lapse returns it to the applicant).
 */
export const RESOURCE_CHECKS = DiscoveryService.createDecorator();

/** Runs every registered resource check. */
@Injectable()
export class ResourceChecks implements OnModuleInit {
  private checks: ResourceCheck[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.checks = discoverAll<ResourceCheck>(this.discovery, RESOURCE_CHECKS);
  }

  async findings(tx: EntityManager, accountId: string, draft: DraftTree, orderId: string | null): Promise<FieldError[]> {
    const found: FieldError[] = [];
    for (const check of this.checks) found.push(...(await check.findings(tx, accountId, draft, orderId)));
    return found;
  }

  async standsOn(tx: EntityManager, orderId: string): Promise<boolean> {
    for (const check of this.checks) if (await check.standsOn(tx, orderId)) return true;
    return false;
  }
}
