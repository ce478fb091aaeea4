import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** The simulated inventory's server instance (embedded default of ServerInventory): what a code points to. */
@Entity('simulated_server_instances')
@Index(['ownerUserId'])
export class ServerInstanceEntity {
  @PrimaryColumn({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId: string;

  @Column({ name: 'owner_user_id', ...IdColumn })
  ownerUserId: string;

  @Column({ name: 'public_ip', type: 'varchar', length: 45 })
  publicIp: string;

  /** 退费 or expiry: the instance no longer backs a filing. */
  @TimeColumn({ name: 'refunded_at', nullable: true })
  refundedAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
