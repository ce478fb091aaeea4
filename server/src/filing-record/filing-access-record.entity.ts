import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** Our access (接入) of a service: since approval, until 取消接入 or 注销. Other providers' access is not ours to record. */
@Entity('filing_access_records')
@Index(['serviceId'])
export class FilingAccessRecordEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'service_id', ...IdColumn })
  serviceId: string;

  @Column({ type: 'varchar', length: 64 })
  provider: string;

  @TimeColumn()
  since: Date;

  @TimeColumn({ name: 'ended_at', nullable: true })
  endedAt: Date | null;

  /** JSON of the cloud resource the access runs on, if any. */
  @Column({ type: 'text', nullable: true })
  resource: string | null;
}
