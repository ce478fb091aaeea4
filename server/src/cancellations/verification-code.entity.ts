import type { CodeChannel } from '@beian/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/**
 * A code sent to a principal on record, by SMS or e-mail, to confirm an order on the approved filing (注销, 取消接入).
 * The address is kept as a blind index and the code as an HMAC: neither is stored readable.
 */
@Entity('verification_codes')
@Index(['addressIndex', 'createdAt'])
@Index(['accountId', 'createdAt'])
@Index(['orderId', 'createdAt'])
export class VerificationCodeEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ type: 'varchar', length: 8 })
  channel: CodeChannel;

  @Column({ name: 'address_index', type: 'varchar', length: 64 })
  addressIndex: string;

  @Column({ name: 'account_id', ...IdColumn })
  accountId: string;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'int' })
  attempts: number;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  /** Set when the right code was entered: the order is confirmed by this address. */
  @TimeColumn({ name: 'verified_at', nullable: true })
  verifiedAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
