import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A principal's separate consent to the processing of their face video (kept as a record, never updated). */
@Entity('biometric_consents')
@Index(['orderId', 'certificateIndex'])
export class BiometricConsentEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'certificate_index', type: 'varchar', length: 64 })
  certificateIndex: string;

  @Column({ name: 'account_id', ...IdColumn })
  accountId: string;

  /** BIOMETRIC_CONSENT_VERSION of the text shown. */
  @Column({ type: 'varchar', length: 32 })
  version: string;

  @TimeColumn({ name: 'consented_at' })
  consentedAt: Date;
}
