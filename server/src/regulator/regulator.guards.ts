import { Injectable } from '@nestjs/common';
import type { TransitionGuard } from '@beian/shared';
import type { EntityManager } from 'typeorm';
import { ChecksGuards, guardFailed, type GuardChecker, type GuardInput, type GuardedOrder } from '../order-core/transition-guards';
import { Clock } from '../platform/clock/clock';
import { SmsVerificationEntity } from './sms-verification.entity';

type SmsGuard = 'all_recipients_verified' | 'sms_attempts_exhausted' | 'sms_resend_available' | 'sms_deadline_passed';

/** The SMS guards of the transition table, checked against the submission's verifications. */
const SMS_GUARDS: Record<SmsGuard, (rows: SmsVerificationEntity[], now: Date) => boolean> = {
  all_recipients_verified: (rows) => rows.length > 0 && rows.every((r) => r.status === 'verified'),
  sms_attempts_exhausted: (rows) => rows.some((r) => r.status === 'failed'),
  sms_resend_available: (rows) => rows.some((r) => r.status === 'expired' && !r.resent),
  sms_deadline_passed: (rows, now) => rows.some((r) => r.resent && r.status !== 'verified' && r.expiresAt <= now),
};

const isSmsGuard = (guard: TransitionGuard): guard is SmsGuard => guard in SMS_GUARDS;

/** The guards on what the 管局 tells us: its SMS verification of a submission and its reasons for a rejection. */
@Injectable()
@ChecksGuards(['regulator_reasons_given', ...(Object.keys(SMS_GUARDS) as SmsGuard[])])
export class RegulatorGuards implements GuardChecker {
  constructor(private readonly clock: Clock) {}

  async check(guard: TransitionGuard, tx: EntityManager, order: GuardedOrder, input: GuardInput): Promise<void> {
    if (guard === 'regulator_reasons_given') {
      if (!input.regulatorReasons?.some((r) => r.trim())) throw guardFailed(guard);
      return;
    }
    if (!isSmsGuard(guard) || !input.submissionId) throw guardFailed(guard);
    const rows = await tx.find(SmsVerificationEntity, { where: { orderId: order.id, submissionId: input.submissionId } });
    if (!SMS_GUARDS[guard](rows, this.clock.now())) throw guardFailed(guard);
  }
}
