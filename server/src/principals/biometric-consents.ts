import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { BIOMETRIC_CONSENT_VERSION, type ConsentRecord } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { Clock } from '../platform/clock/clock';
import { AppException } from '../platform/errors/app-exception';
import { BiometricConsentEntity } from './biometric-consent.entity';

/** Who acts on a principal's face check: the invited person through their token, or the owner for the subject principal. */
export interface CheckScope {
  orderId: string;
  path: string;
  certificateIndex: string;
  accountId: string;
}

/** A principal's separate consent to the processing of their face data (PIPL), asked before any face video. */
@Injectable()
export class BiometricConsents {
  constructor(private readonly clock: Clock) {}

  async record(tx: EntityManager, scope: CheckScope, version: string): Promise<ConsentRecord> {
    if (version !== BIOMETRIC_CONSENT_VERSION) {
      throw AppException.validation([{ path: 'version', code: 'CONSENT_OUTDATED', message: '授权内容已更新，请刷新页面后重新阅读并同意' }]);
    }
    const consentedAt = this.clock.now();
    await tx.insert(BiometricConsentEntity, {
      id: randomUUID(),
      orderId: scope.orderId,
      certificateIndex: scope.certificateIndex,
      accountId: scope.accountId,
      version,
      consentedAt,
    });
    return { version, consentedAt: consentedAt.toISOString() };
  }

  async require(tx: EntityManager, scope: CheckScope): Promise<void> {
    const consent = await this.latest(tx, scope);
    if (!consent) throw new AppException('CONSENT_REQUIRED', [{ path: 'consent', code: 'CONSENT_REQUIRED', message: '请先阅读并同意人脸信息处理授权' }]);
  }

  latest(tx: EntityManager, scope: CheckScope): Promise<BiometricConsentEntity | null> {
    return tx.findOne(BiometricConsentEntity, {
      where: { orderId: scope.orderId, certificateIndex: scope.certificateIndex, accountId: scope.accountId, version: BIOMETRIC_CONSENT_VERSION },
      order: { consentedAt: 'DESC' },
    });
  }
}
