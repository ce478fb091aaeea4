import { Injectable } from '@nestjs/common';
import { validateIcpNumber, WORKFLOW_TIMINGS } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { REGULATOR_RECORDS, type RegulatorRecords, type SmsRecipientState } from '../order-core/regulator-records.port';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';
import { IcpNumberEntity } from './icp-number.entity';
import { SmsVerificationEntity } from './sms-verification.entity';

/** The regulator module's answers about issued numbers and SMS verifications (RegulatorRecords). */
@Injectable()
@REGULATOR_RECORDS()
export class RegulatorRecordsReader implements RegulatorRecords {
  constructor(private readonly cipher: FieldCipher) {}

  /** The subject number first (kept or existing for 接入 and 新增服务: the one its service numbers carry), then the services'. */
  async numbers(tx: EntityManager, orderId: string): Promise<string[]> {
    const rows = await tx.find(IcpNumberEntity, { select: { number: true, kind: true }, where: { orderId }, order: { position: 'ASC' } });
    const first = rows[0];
    if (!first || first.kind === 'subject') return rows.map((n) => n.number);
    const parsed = validateIcpNumber(first.number);
    return [...(parsed.ok ? [parsed.value.subjectNumber] : []), ...rows.map((n) => n.number)];
  }

  async smsRecipients(tx: EntityManager, orderId: string): Promise<SmsRecipientState[]> {
    const latest = await tx.findOne(SmsVerificationEntity, { select: { id: true, submissionId: true }, where: { orderId }, order: { id: 'DESC' } });
    const rows = latest ? await tx.find(SmsVerificationEntity, { where: { orderId, submissionId: latest.submissionId }, order: { id: 'ASC' } }) : [];
    return rows.map((row) => ({
      recipientMasked: maskPersonalValue('mobile', this.cipher.decrypt(row.mobile)),
      roles: row.roles,
      status: row.status,
      deadline: row.status === 'pending' ? new Date(row.expiresAt).toISOString() : null,
      triesLeft: Math.max(0, WORKFLOW_TIMINGS.SMS_MAX_WRONG_ATTEMPTS.value - row.wrongAttempts),
      updatedAt: new Date(row.updatedAt),
      expiresAt: new Date(row.expiresAt),
    }));
  }
}
