import type { Redis } from 'ioredis';
import { RateLimitCounters, type CounterWindow } from './rate-limit-counters.port';

/**
 * A window's count and its lifetime set in one script: Redis runs a script alone, so no request reads a count another
 * one has not finished, and no key is left without its expiry. The script touches only its one key (KEYS[1]), so it
 * runs on a Redis Cluster too, on the node holding that key's slot.
 */
const COUNT_SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return hits`;

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
    const counts = windows.map((w) => this.redis.eval(COUNT_SCRIPT, 1, this.keyOf(w), String(Math.max(1, w.endsAt - now))));
    return (await Promise.all(counts)).map(Number);
  }

  /** The bucket is the key's hash tag (`{…}`): on a Redis Cluster, every window of a bucket is in one slot. */
  private keyOf(window: CounterWindow): string {
    return `${this.keyPrefix}rate-limit:{${window.bucket}}:${window.windowIndex}`;
  }
}
