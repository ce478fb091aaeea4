import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { FieldError } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { discoverAll } from '../platform/discovered-port';
import type { DraftTree } from './order-draft.store';

/** What only the server knows about a draft (files uploaded, mobiles proven, faces checked), answered by the module that owns it. */
export interface SubmissionCheck {
  findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]>;
}

/**
 * `@SUBMISSION_CHECKS()` on a provider registers it as one of the checks a submission must pass (a multi-provider
 * port: Nest has no multi-providers across modules, so they are discovered by this marker at boot).
 */
export const SUBMISSION_CHECKS = DiscoveryService.createDecorator();

/** Runs every registered submission check. */
@Injectable()
export class SubmissionChecks implements OnModuleInit {
  private checks: SubmissionCheck[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.checks = discoverAll<SubmissionCheck>(this.discovery, SUBMISSION_CHECKS);
  }

  async findings(tx: EntityManager, orderId: string, draft: DraftTree): Promise<FieldError[]> {
    const found: FieldError[] = [];
    for (const check of this.checks) found.push(...(await check.findings(tx, orderId, draft)));
    return found;
  }
}
