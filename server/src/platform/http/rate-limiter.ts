import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Clock } from '../clock/clock';
import type { RateLimit } from '../config/app-config';
import { RateLimitCounters } from './rate-limit-counters.port';

/** One count a request adds to: `key` names the policy and who is counted (`logins:ip:1.2.3.4`). */
export interface RateLimitHit {
  key: string;
  rule: RateLimit;
}

/**
 * Fixed-window limits: each request adds one to the count of its buckets' current windows (in the store of
 * RATE_LIMIT_STORE) and is refused when a count is over its limit.
 */
@Injectable()
export class RateLimiter {
  constructor(
    private readonly counters: RateLimitCounters,
    private readonly clock: Clock,
  ) {}

  /** Counts the request in every bucket; answers how long to wait when one is over its limit, else null. */
  async hit(hits: RateLimitHit[]): Promise<{ retryAfterSeconds: number } | null> {
    if (!hits.length) return null;
    const now = this.clock.now().getTime();
    const windows = hits.map(({ key, rule }) => {
      const windowMs = rule.windowSeconds * 1000;
      const windowIndex = Math.floor(now / windowMs);
      return { bucket: createHash('sha256').update(key).digest('hex'), rule, windowIndex, endsAt: (windowIndex + 1) * windowMs };
    });
    const counts = await this.counters.add(windows, now);
    const waits = windows.filter((w, i) => counts[i]! > w.rule.limit).map((w) => Math.max(1, Math.ceil((w.endsAt - now) / 1000)));
    return waits.length ? { retryAfterSeconds: Math.max(...waits) } : null;
  }
}
