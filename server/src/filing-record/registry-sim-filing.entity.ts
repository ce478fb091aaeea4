import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** A filing at another provider, as the simulated registry knows it (scripted by tests and demos). */
@Entity('registry_sim_filings')
@Index(['subjectIndex'])
@Index(['serviceKey'])
@Index(['subjectIcpNumber'])
export class RegistrySimFilingEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Blind index of the subject's certificate number. */
  @Column({ name: 'subject_index', type: 'varchar', length: 64 })
  subjectIndex: string;

  @Column({ name: 'subject_icp_number', type: 'varchar', length: 40 })
  subjectIcpNumber: string;

  /** 主办单位名称 and 性质 (catalog key), as MIIT's public query shows them. */
  @Column({ name: 'subject_name', type: 'varchar', length: 128, default: '' })
  subjectName: string;

  @Column({ name: 'subject_nature', type: 'varchar', length: 32, default: 'enterprise' })
  subjectNature: string;

  /** `website:<domain>` or `app:<name>`; null for a subject entry alone. */
  @Column({ name: 'service_key', type: 'varchar', length: 270, nullable: true })
  serviceKey: string | null;

  @Column({ name: 'service_icp_number', type: 'varchar', length: 40, nullable: true })
  serviceIcpNumber: string | null;

  @Column({ name: 'service_name', type: 'varchar', length: 128, nullable: true })
  serviceName: string | null;

  @Column({ type: 'varchar', length: 64 })
  provider: string;

  /** When it was scripted: its approval date in the public query. */
  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
