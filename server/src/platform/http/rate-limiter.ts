import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { LessThan } from 'typeorm';
import { Clock } from '../clock/clock';
import type { RateLimit } from '../config/app-config';
import { DatabaseService } from '../database/database.service';
import { RateLimitWindowEntity } from './rate-limit-window.entity';

/** One count a request adds to: `key` names the policy and who is counted (`logins:ip:1.2.3.4`). */
export interface RateLimitHit {
  key: string;
  rule: RateLimit;
}

/** One in this many calls also deletes the windows that have ended. */
const PURGE_EVERY = 200;

/**
 * Fixed-window counters in the database, so every process behind a balancer counts against the same limit. One
 * transaction adds one to each bucket (an atomic upsert) and reads the counts back.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  /** Counts the request in every bucket; answers how long to wait when one is over its limit, else null. */
  async hit(hits: RateLimitHit[]): Promise<{ retryAfterSeconds: number } | null> {
    if (!hits.length) return null;
    const now = this.clock.now().getTime();
    const windows = [...hits]
      .map(({ key, rule }) => {
        const windowMs = rule.windowSeconds * 1000;
        const windowIndex = Math.floor(now / windowMs);
        return { bucket: createHash('sha256').update(key).digest('hex'), rule, windowIndex, endsAt: (windowIndex + 1) * windowMs };
      })
      // Rows locked in one order by every process: two requests never wait on each other's rows crosswise.
      .sort((a, b) => a.bucket.localeCompare(b.bucket));
    const counts = await this.db.retryingTransaction(async (tx) => {
      const values = windows.map(() => '(?, ?, 1, ?)').join(', ');
      const params = windows.flatMap((w) => [w.bucket, w.windowIndex, this.db.timeParam(new Date(w.endsAt))]);
      // A count carries on within its window and restarts in a later one; MySQL assigns left to right, so hits first.
      const upsert = this.db.isSqlite
        ? `ON CONFLICT (bucket) DO UPDATE SET hits = CASE WHEN rate_limit_windows.window_index >= excluded.window_index THEN rate_limit_windows.hits + 1 ELSE 1 END,
           window_index = MAX(rate_limit_windows.window_index, excluded.window_index), expires_at = MAX(rate_limit_windows.expires_at, excluded.expires_at)`
        : `ON DUPLICATE KEY UPDATE hits = IF(window_index >= VALUES(window_index), hits + 1, 1),
           window_index = GREATEST(window_index, VALUES(window_index)), expires_at = GREATEST(expires_at, VALUES(expires_at))`;
      await this.db.execute(tx, `INSERT INTO rate_limit_windows (bucket, window_index, hits, expires_at) VALUES ${values} ${upsert}`, params);
      const rows = await this.db.rows<{ bucket: string; hits: number | string }>(
        `SELECT bucket, hits FROM rate_limit_windows WHERE bucket IN (${windows.map(() => '?').join(', ')})`,
        windows.map((w) => w.bucket),
        tx,
      );
      return new Map(rows.map((row) => [row.bucket, Number(row.hits)]));
    });
    if (Math.random() * PURGE_EVERY < 1) await this.db.manager.delete(RateLimitWindowEntity, { expiresAt: LessThan(new Date(now)) });
    const waits = windows.filter((w) => (counts.get(w.bucket) ?? 0) > w.rule.limit).map((w) => Math.max(1, Math.ceil((w.endsAt - now) / 1000)));
    return waits.length ? { retryAfterSeconds: Math.max(...waits) } : null;
  }
}
