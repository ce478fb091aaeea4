import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/**
 * One 初审 rejection of one field, anonymised: what kind of order, which field, the reviewer's words without the
 * applicant's personal values, and whether the pre-check had said anything on that field (a miss when not).
 */
@Entity('rejection_facts')
@Index(['missed', 'rejectedAt'])
@Index(['kind', 'province', 'nature', 'rejectedAt'])
export class RejectionFactEntity {
  @PrimaryGeneratedColumn()
  id: number;

  /** Two-digit province code of the filing region; null when the draft had none. */
  @Column({ type: 'varchar', length: 2, nullable: true })
  province: string | null;

  @Column({ name: 'subject_type', type: 'varchar', length: 16 })
  subjectType: string;

  @Column({ type: 'varchar', length: 32, nullable: true })
  nature: string | null;

  @Column({ type: 'varchar', length: 32 })
  kind: string;

  @Column({ name: 'service_type', type: 'varchar', length: 16 })
  serviceType: string;

  /** Draft path pattern, list positions as `*`. */
  @Column({ type: 'varchar', length: 120 })
  field: string;

  @Column({ type: 'varchar', length: 32 })
  area: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 500 })
  suggestion: string;

  /** The pre-check (field errors and findings) said nothing on this field when the order was submitted. */
  @Column({ type: 'boolean' })
  missed: boolean;

  @TimeColumn({ name: 'rejected_at' })
  rejectedAt: Date;
}
