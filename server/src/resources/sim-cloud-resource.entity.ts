import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** An instance of an account in the simulated inventory (registered by staff; a real adapter reads the provider). */
@Entity('sim_cloud_resources')
@Index(['accountId', 'instanceId'], { unique: true })
export class SimCloudResourceEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'account_id', ...IdColumn })
  accountId: string;

  @Column({ name: 'instance_id', type: 'varchar', length: 64 })
  instanceId: string;

  /** `ResourceType`: cvm / lighthouse / serverless / clb. */
  @Column({ type: 'varchar', length: 16 })
  type: string;

  @Column({ type: 'varchar', length: 32 })
  region: string;

  @Column({ name: 'public_ip', type: 'varchar', length: 15, nullable: true })
  publicIp: string | null;

  /** `BillingMode`: prepaid (包年包月) / postpaid (按量计费). */
  @Column({ name: 'billing_mode', type: 'varchar', length: 16 })
  billingMode: string;

  @Column({ name: 'term_months', type: 'int' })
  termMonths: number;

  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ name: 'bound_instance_id', type: 'varchar', length: 64, nullable: true })
  boundInstanceId: string | null;

  @Column({ name: 'filed_services', type: 'int', default: 0 })
  filedServices: number;

  @TimeColumn({ name: 'refunded_at', nullable: true })
  refundedAt: Date | null;

  @TimeColumn({ name: 'updated_at' })
  updatedAt: Date;
}
