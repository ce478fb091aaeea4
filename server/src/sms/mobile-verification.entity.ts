import { Column, Entity, PrimaryColumn, Unique } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A mobile proven by SMS code for an order: every principal with this number in the draft counts as verified. */
@Entity('mobile_verifications')
@Unique(['orderId', 'mobileIndex'])
export class MobileVerificationEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'mobile_index', type: 'varchar', length: 64 })
  mobileIndex: string;

  /** Encrypted (FieldCipher), shown masked. */
  @Column({ type: 'text' })
  mobile: string;

  /** The draft path the code was asked for, e.g. `subjectPrincipal`. */
  @Column({ type: 'varchar', length: 64 })
  path: string;

  @Column({ name: 'account_id', ...IdColumn })
  accountId: string;

  @TimeColumn({ name: 'verified_at' })
  verifiedAt: Date;
}
