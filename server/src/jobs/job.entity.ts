import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { TimeColumn } from '../platform/database/columns';

/** A unit of work due at a time; claimed under a lease by one runner, retried with backoff, `dead` after N attempts. */
@Entity('jobs')
@Index(['status', 'dueAt'])
export class JobEntity {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 64 })
  type: string;

  @Column({ type: 'text' })
  payload: string;

  /** Scheduling the same logical job twice keeps the first. */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 160, unique: true })
  dedupeKey: string;

  @Column({ type: 'varchar', length: 16, default: 'pending' })
  status: 'pending' | 'done' | 'dead' | 'cancelled';

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @TimeColumn({ name: 'due_at' })
  dueAt: Date;

  @Column({ name: 'locked_by', type: 'varchar', length: 64, nullable: true })
  lockedBy: string | null;

  @TimeColumn({ name: 'locked_until', nullable: true })
  lockedUntil: Date | null;

  @TimeColumn({ name: 'created_at' })
  createdAt: Date;

  @TimeColumn({ name: 'finished_at', nullable: true })
  finishedAt: Date | null;

  /** The request whose work wrote this row (`x-request-id`), null when none did. */
  @Column({ name: 'request_id', type: 'varchar', length: 64, nullable: true })
  requestId: string | null;
}
