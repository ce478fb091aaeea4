import { Injectable } from '@nestjs/common';
import type { FieldError, FilingTypeVerifyRequest } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { FILING_TYPE_CHECKS, type FilingTypeCheck } from '../order-core/filing-type-checks';
import { CodeUsage } from './code-usage';

/** 验证备案类型 with a 备案授权码 (S002 L18): the caller may file with it now, else the refusal on `authorizationCode`. */
@Injectable()
@FILING_TYPE_CHECKS()
export class FilingTypeCodeCheck implements FilingTypeCheck {
  constructor(private readonly usage: CodeUsage) {}

  async refusals(tx: EntityManager, accountId: string, facts: FilingTypeVerifyRequest): Promise<FieldError[]> {
    if (!facts.authorizationCode) return [];
    const refusal = await this.usage.refusal(tx, accountId, { kind: 'authorization', code: facts.authorizationCode, path: 'authorizationCode' }, null);
    return refusal ? [refusal] : [];
  }
}
