import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/**
 * A service of an order that stands on an instance of the account, while the order is in flight (submitted, 初审,
 * 短信核验, 管局) or once approved: what the "≤ 5 services per instance" quota counts besides the provider's figure.
 */
@Entity('resource_uses')
@Index(['accountId', 'instanceId'])
@Index(['orderId'])
export class ResourceUseEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'account_id', ...IdColumn })
  accountId: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId: string;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  /** The service across orders (`website:<first domain>`, `app:<name>`): a 变更 of an approved service counts it once. */
  @Column({ name: 'service_key', type: 'varchar', length: 270 })
  serviceKey: string;

  /** The order's status while in flight, `approved` after. */
  @Column({ type: 'varchar', length: 32 })
  stage: string;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}

/** One row per instance of an account: a submission locks it before counting, so two at the quota cannot both pass. */
@Entity('resource_quota_locks')
export class ResourceQuotaLockEntity {
  @PrimaryColumn({ name: 'account_id', ...IdColumn })
  accountId: string;

  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId: string;

  /** Unused; a row needs a column besides its key on every dialect TypeORM writes. */
  @Column({ type: 'int', default: 0 })
  touched: number;
}
