import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** An event written in the same transaction as the change that caused it; delivered at least once by a worker. */
@Entity('outbox_messages')
@Index(['status', 'dueAt'])
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ name: 'aggregate_id', ...IdColumn })
  aggregateId: string;

  @Column({ type: 'text' })
  payload: string;

  /** Unique per logical message, so a retried transaction or worker cannot send it twice. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 128, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: 'pending' | 'sent' | 'dead';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @TimeColumn({ name: 'due_at' })
  dueAt: Date;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;
}
