import type { Redis } from 'ioredis';
import { RateLimitCounters, type CounterWindow } from './rate-limit-counters.port';

/**
 * One key per bucket and window, counted and given its lifetime in one script: Redis runs a script alone, so no
 * request reads a count another one has not finished, and no key is left without its expiry.
 */
const COUNT_SCRIPT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local hits = redis.call('INCR', key)
  if hits == 1 then redis.call('PEXPIRE', key, ARGV[i]) end
  counts[i] = hits
end
return counts`;

/**
 * Counts in Redis, shared by every process without a database commit per request. A key names its window, so a later
 * window starts a new count; it expires when its window ends (measured on the app clock, which tests and demos move).
 */
export class RedisRateLimitCounters extends RateLimitCounters {
  constructor(
    private readonly redis: Redis,
    private readonly keyPrefix: string,
  ) {
    super();
  }

  async add(windows: CounterWindow[], now: number): Promise<number[]> {
    if (this.redis.status !== 'ready') throw new Error(`Redis is not connected (${this.redis.status})`);
    const keys = windows.map((w) => `${this.keyPrefix}rate-limit:${w.bucket}:${w.windowIndex}`);
    const lifetimes = windows.map((w) => String(Math.max(1, w.endsAt - now)));
    const counts = (await this.redis.eval(COUNT_SCRIPT, keys.length, ...keys, ...lifetimes)) as number[];
    return counts.map(Number);
  }
}
