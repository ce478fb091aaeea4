import type { FilingServiceState, FilingServiceType } from '@beian/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** 互联网信息服务: a website or APP filed under a subject, with its `…号-n`. */
@Entity('filing_services')
@Index(['subjectId', 'state'])
export class FilingServiceEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'subject_id', ...IdColumn })
  subjectId: string;

  @Column({ name: 'service_type', type: 'varchar', length: 16 })
  serviceType: FilingServiceType;

  @Column({ name: 'service_icp_number', type: 'varchar', length: 48, unique: true })
  serviceIcpNumber: string;

  /** The n of `…号-n`. */
  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** JSON array of domains (websites; APPs list the domains they use). */
  @Column({ type: 'text' })
  domains: string;

  @Column({ name: 'home_url', type: 'varchar', length: 512, nullable: true })
  homeUrl: string | null;

  /** JSON array of the APP's platform packages; `[]` for websites. */
  @Column({ type: 'text' })
  packages: string;

  /** JSON: content, languages, 前置审批, remark, SDK flags. */
  @Column({ type: 'text' })
  details: string;

  /** Sealed JSON: the service principal as approved. */
  @Column({ type: 'text' })
  principal: string;

  /** JSON of the bound cloud resource (instance / 授权码), if any. */
  @Column({ type: 'text', nullable: true })
  resource: string | null;

  @Column({ type: 'varchar', length: 16 })
  state: FilingServiceState;

  @TimeColumn({ name: 'approved_at' })
  approvedAt: Date;

  @TimeColumn({ name: 'changed_at' })
  changedAt: Date;
}

/** One lookup key of a service: `website:<domain>` per domain, `app:<name>` (serviceKey), so a domain finds its service. */
@Entity('filing_service_keys')
@Index(['serviceKey'])
export class FilingServiceKeyEntity {
  @PrimaryColumn({ name: 'service_id', ...IdColumn })
  serviceId: string;

  @PrimaryColumn({ name: 'service_key', type: 'varchar', length: 270 })
  serviceKey: string;
}
