import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, LargeTextColumn, TimeColumn } from '../platform/database/columns';

/** A 初审 decision with the draft as it was then, so the next review sees what changed. */
@Entity('review_decisions')
@Index(['orderId', 'id'])
export class ReviewDecisionEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'reviewer_id', ...IdColumn })
  reviewerId: string;

  @Column({ type: 'varchar', length: 8 })
  decision: 'approve' | 'reject';

  /** JSON `OrderRejection[]`; empty on approval. */
  @Column({ type: 'text' })
  reasons: string;

  /** JSON of the draft at the decision, personal data encrypted per field. */
  @LargeTextColumn()
  snapshot: string;

  /** JSON `string[]`: fields the applicant reopened after this rejection. */
  @Column({ name: 'reopened_paths', type: 'text' })
  reopenedPaths: string;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
