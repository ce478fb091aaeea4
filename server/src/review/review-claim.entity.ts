import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A reviewer took a submission for 初审 (领取); the claim of a round is the one made after the latest submission. */
@Entity('review_claims')
@Index(['orderId', 'claimedAt'])
export class ReviewClaimEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'order_id', ...IdColumn })
  orderId: string;

  @Column({ name: 'reviewer_id', ...IdColumn })
  reviewerId: string;

  @TimeColumn({ name: 'claimed_at' })
  claimedAt: Date;
}
