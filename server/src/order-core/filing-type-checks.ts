import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { FieldError, FilingTypeVerifyRequest } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { discoverAll } from '../platform/discovered-port';

/**
 * What 验证备案类型 checks beyond the subject and the service, answered by the module owning the data: the 备案云服务
 * named with the type (a 备案授权码, S002 L18). Refusals are on the request's fields (`authorizationCode`).
 */
export interface FilingTypeCheck {
  refusals(tx: EntityManager, accountId: string, facts: FilingTypeVerifyRequest): Promise<FieldError[]>;
}

/** `@FILING_TYPE_CHECKS()` registers a check (a multi-provider port discovered at boot, like SUBMISSION_CHECKS). */
export const FILING_TYPE_CHECKS = DiscoveryService.createDecorator();

/** Runs every registered 验证备案类型 check. */
@Injectable()
export class FilingTypeChecks implements OnModuleInit {
  private checks: FilingTypeCheck[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    this.checks = discoverAll<FilingTypeCheck>(this.discovery, FILING_TYPE_CHECKS);
  }

  async refusals(tx: EntityManager, accountId: string, facts: FilingTypeVerifyRequest): Promise<FieldError[]> {
    const found: FieldError[] = [];
    for (const check of this.checks) found.push(...(await check.refusals(tx, accountId, facts)));
    return found;
  }
}
