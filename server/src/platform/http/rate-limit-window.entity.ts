import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { TimeColumn } from '../database/columns';

/**
 * The count of one rate-limit bucket in its current window, shared by every server process through the database.
 * The bucket is a hash (of the policy and the caller's address or session), so no address or token is stored.
 */
@Entity('rate_limit_windows')
@Index('IDX_rate_limit_windows_expires_at', ['expiresAt'])
export class RateLimitWindowEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  bucket: string;

  /** Which window (time since the epoch divided by the window length) `hits` counts. */
  @Column({ name: 'window_index', type: 'int' })
  windowIndex: number;

  @Column({ type: 'int' })
  hits: number;

  /** When the window ends: rows past it are deleted now and then. */
  @TimeColumn({ name: 'expires_at' })
  expiresAt: Date;
}
