import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** The reviewer's phone call to the applicant during 初审. */
@Entity('review_calls')
@Index(['orderId', 'calledAt'])
export class ReviewCallEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'reviewer_id', ...IdColumn })
  reviewerId: string;

  @Column({ type: 'varchar', length: 16 })
  outcome: 'answered' | 'unreachable';

  @Column({ type: 'varchar', length: 500, nullable: true })
  note: string | null;

  @TimeColumn({ name: 'called_at' })
  calledAt: Date;
}
