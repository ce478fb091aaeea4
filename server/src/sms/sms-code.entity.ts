import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { SmsPurpose } from '@beian/shared';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A code sent by SMS. The mobile is kept as a blind index and the code as an HMAC: neither is stored readable. */
@Entity('sms_codes')
@Index(['mobileIndex', 'createdAt'])
@Index(['accountId', 'createdAt'])
export class SmsCodeEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'mobile_index', type: 'varchar', length: 64 })
  mobileIndex: string;

  @Column({ name: 'account_id', ...IdColumn })
  accountId: string;

  @Column({ type: 'varchar', length: 32 })
  purpose: SmsPurpose;

  @Column({ name: 'code_hash', type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'int' })
  attempts: number;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  @TimeColumn({ name: 'used_at', nullable: true })
  usedAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
