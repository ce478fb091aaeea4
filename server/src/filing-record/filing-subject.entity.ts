import type { FilingSubjectOrigin, FilingSubjectState } from '@beian/shared';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** 主体: an approved subject and its number, owned by one account (迁移 changes the owner). */
@Entity('filing_subjects')
@Index(['ownerId', 'state'])
@Index(['certificateIndex', 'state'])
export class FilingSubjectEntity {
  @PrimaryColumn(IdColumn)
  id: string;

  @Column({ name: 'owner_id', ...IdColumn })
  ownerId: string;

  /** 主体备案号: issued once, never changes. */
  @Column({ name: 'subject_icp_number', type: 'varchar', length: 40, unique: true })
  subjectIcpNumber: string;

  /** Two-digit province code: a subject never changes province ("省级不允许修改"). */
  @Column({ name: 'province_code', type: 'varchar', length: 2 })
  provinceCode: string;

  @Column({ name: 'region_code', type: 'varchar', length: 6 })
  regionCode: string;

  @Column({ type: 'varchar', length: 32 })
  nature: string;

  @Column({ name: 'certificate_type', type: 'varchar', length: 32 })
  certificateType: string;

  /** FieldCipher ciphertext. */
  @Column({ name: 'certificate_number', type: 'varchar', length: 255 })
  certificateNumber: string;

  /** FieldCipher.blindIndex of the certificate number: finds the subject from 验证备案类型's facts. */
  @Column({ name: 'certificate_index', type: 'varchar', length: 64 })
  certificateIndex: string;

  @Column({ type: 'varchar', length: 128 })
  name: string;

  /** Sealed JSON (personal values encrypted per field): addresses, legal representative, investor, remark. */
  @Column({ type: 'text' })
  details: string;

  /** Sealed JSON: the subject principal as approved. */
  @Column({ type: 'text' })
  principal: string;

  @Column({ type: 'varchar', length: 16 })
  origin: FilingSubjectOrigin;

  @Column({ type: 'varchar', length: 16 })
  state: FilingSubjectState;

  /** The highest `-n` ever issued under this subject: the next service gets `max + 1`, even after cancellations. */
  @Column({ name: 'max_service_seq', type: 'int' })
  maxServiceSeq: number;

  /** Optimistic concurrency: every change of the record bumps it. */
  @Column({ type: 'int' })
  version: number;

  @TimeColumn({ name: 'approved_at' })
  approvedAt: Date;

  @TimeColumn({ name: 'changed_at' })
  changedAt: Date;
}
