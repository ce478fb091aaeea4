import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per mobile (blind index) and per account that asked for a code: sends lock their rows (`FOR UPDATE`)
 * before counting, so parallel sends to one mobile or from one account are counted one after the other.
 */
@Entity('sms_limit_locks')
export class SmsLimitLockEntity {
  /** `mobile:<blind index>` or `account:<user id>`. */
  @PrimaryColumn({ name: 'lock_key', type: 'varchar', length: 80 })
  lockKey: string;

  /** Unused; a row needs a column besides its key on every dialect TypeORM writes. */
  @Column({ type: 'int', default: 0 })
  touched: number;
}
