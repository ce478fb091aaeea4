import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { SmsRecipientRole } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** One MIIT verification SMS of a submission to the 管局: one per mobile, never the emergency contact. */
@Entity('sms_verifications')
@Index(['orderId', 'submissionId'])
@Index(['mobileIndex', 'status'])
export class SmsVerificationEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  /** The history row of the `submit_to_regulator` move; a resubmission starts a new set. */
  @Column({ name: 'submission_id', type: 'varchar', length: 20 })
  submissionId: string;

  /** Blind index of the mobile, to find the SMS from MIIT's form. */
  @Column({ name: 'mobile_index', type: 'varchar', length: 64 })
  mobileIndex: string;

  /** Encrypted. */
  @Column({ type: 'text' })
  mobile: string;

  @Column({ type: 'simple-array' })
  roles: SmsRecipientRole[];

  /** Encrypted: what the person must enter besides the code (DOMAIN.md §4). */
  @Column({ name: 'cert_last_six', type: 'text' })
  certLastSix: string;

  /** Encrypted 6-digit code of the current SMS. */
  @Column({ type: 'text' })
  code: string;

  /** `expired`: the code ran out; MIIT re-sends once at noon, then the order goes back. */
  @Column({ type: 'varchar', length: 12 })
  status: 'pending' | 'verified' | 'failed' | 'expired';

  @Column({ name: 'wrong_attempts', type: 'int' })
  wrongAttempts: number;

  @Column({ type: 'boolean' })
  resent: boolean;

  @TimeColumn({ name: 'sent_at' })
  sentAt: Date;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimeColumn({ name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
