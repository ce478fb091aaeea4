import type { CodeKind, CodeState } from '@beian/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/**
 * A 备案授权码 or ICP备案服务码: a code on a server instance, made by its owner for a holder account, reserved by
 * one order at a time and used by the approval. The instance is kept as data (id + IP) from the ServerInventory.
 */
@Entity('filing_codes')
@Index(['ownerUserId', 'kind'])
@Index(['holderUserId', 'kind'])
@Index(['instanceId'])
@Index(['orderId'])
export class FilingCodeEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ type: 'varchar', length: 16 })
  kind: CodeKind;

  @Column({ type: 'varchar', length: 32, unique: true })
  code: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 64, nullable: true })
  instanceId: string | null;

  @Column({ name: 'public_ip', type: 'varchar', length: 45, nullable: true })
  publicIp: string | null;

  @Column({ name: 'owner_user_id', ...IdColumn })
  ownerUserId: string;

  @Column({ name: 'holder_user_id', ...IdColumn })
  holderUserId: string;

  @Column({ type: 'varchar', length: 16 })
  state: CodeState;

  /** The order reserving (使用中 / 备案中) or having used (已使用 / 已备案) the code. */
  @Column({ name: 'order_id', ...IdColumn, nullable: true })
  orderId: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  remark: string | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
