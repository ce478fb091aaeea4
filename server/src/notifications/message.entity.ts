import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** A progress message in a user's message centre; every message lands here, whatever other channels do. */
@Entity('messages')
@Index(['userId', 'id'])
@Index(['userId', 'readAt'])
export class MessageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ name: 'user_id', ...IdColumn })
  userId: string;

  @Column({ name: 'order_id', ...IdColumn, nullable: true })
  orderId: string | null;

  /** A progress message type from @beian/shared (`submitted`, `initial_review_rejected` …). */
  @Column({ type: 'varchar', length: 40 })
  type: string;

  @Column({ type: 'varchar', length: 64 })
  title: string;

  @Column({ type: 'text' })
  body: string;

  /** The outbox event and message type it came from: a redelivered event finds its message instead of adding one. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 191, unique: true })
  dedupeKey: string;

  @TimeColumn({ name: 'read_at', nullable: true })
  readAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
