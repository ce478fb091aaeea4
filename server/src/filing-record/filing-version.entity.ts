import type { OrderKind } from '@beian/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, LargeTextColumn, TimeColumn } from '../platform/database/columns';

/** The record before and after one approved order: written once, in the approval's transaction, never overwritten. */
@Entity('filing_versions')
@Index(['subjectId', 'id'])
export class FilingVersionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'subject_id', ...IdColumn })
  subjectId: string;

  /** One version per approved order. */
  @Column({ name: 'order_id', ...IdColumn, unique: true })
  orderId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: OrderKind;

  /** Sealed JSON of the subject with its services; null when the order created the subject. */
  @LargeTextColumn({ nullable: true })
  before: string | null;

  @LargeTextColumn()
  after: string;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
