import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdColumn, TimeColumn } from '../platform/database/columns';

/** An event written in the same transaction as the change that caused it; delivered at least once by a worker. */
@Entity('outbox_messages')
@Index(['status', 'dueAt'])
/** Finds an aggregate's earlier undelivered message, which holds back its later ones. */
@Index(['aggregateId', 'status'])
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

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @TimeColumn({ name: 'due_at' })
  dueAt: Date;

  /** The worker holding the message, until `locked_until`; a worker that died releases it when the lease ends. */
  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @TimeColumn({ name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @TimeColumn({ name: 'sent_at', nullable: true })
  sentAt: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  /** The request whose work wrote this row (`x-request-id`), null when none did. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
