import { LessThan } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { RateLimitWindowEntity } from './rate-limit-window.entity';
import { RateLimitCounters, type CounterWindow } from './rate-limit-counters.port';

/** One in this many calls also deletes the windows that have ended. */
const PURGE_EVERY = 200;

/**
 * Counts in the table rate_limit_windows, so every process on the database shares them without Redis. One transaction
 * adds one to each bucket (an atomic upsert) and reads the counts back: a durable commit per request.
 */
export class DatabaseRateLimitCounters extends RateLimitCounters {
  constructor(private readonly db: DatabaseService) {
    super();
  }

  async add(windows: CounterWindow[], now: number): Promise<number[]> {
    // Rows locked in one order by every process: two requests never wait on each other's rows crosswise.
    const sorted = [...windows].sort((a, b) => a.bucket.localeCompare(b.bucket));
    const counts = await this.db.retryingTransaction(async (tx) => {
      const values = sorted.map(() => '(?, ?, 1, ?)').join(', ');
      const params = sorted.flatMap((w) => [w.bucket, w.windowIndex, this.db.timeParam(new Date(w.endsAt))]);
      // A count carries on within its window and restarts in a later one; MySQL assigns left to right, so hits first.
      const upsert = this.db.isSqlite
        ? `ON CONFLICT (bucket) DO UPDATE SET hits = CASE WHEN rate_limit_windows.window_index >= excluded.window_index THEN rate_limit_windows.hits + 1 ELSE 1 END,
           window_index = MAX(rate_limit_windows.window_index, excluded.window_index), expires_at = MAX(rate_limit_windows.expires_at, excluded.expires_at)`
        : `ON DUPLICATE KEY UPDATE hits = IF(window_index >= VALUES(window_index), hits + 1, 1),
           window_index = GREATEST(window_index, VALUES(window_index)), expires_at = GREATEST(expires_at, VALUES(expires_at))`;
      await this.db.execute(tx, `INSERT INTO rate_limit_windows (bucket, window_index, hits, expires_at) VALUES ${values} ${upsert}`, params);
      const rows = await this.db.rows<{ bucket: string; hits: number | string }>(
        `SELECT bucket, hits FROM rate_limit_windows WHERE bucket IN (${sorted.map(() => '?').join(', ')})`,
        sorted.map((w) => w.bucket),
        tx,
      );
      return new Map(rows.map((row) => [row.bucket, Number(row.hits)]));
    });
    if (Math.random() * PURGE_EVERY < 1) await this.db.manager.delete(RateLimitWindowEntity, { expiresAt: LessThan(new Date(now)) });
    return windows.map((w) => counts.get(w.bucket) ?? 0);
  }
}
