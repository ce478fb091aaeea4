import { RateLimitCounters, type CounterWindow } from './rate-limit-counters.port';

/** One in this many calls also forgets the windows that have ended. */
const PURGE_EVERY = 200;

/** The embedded default on SQLite: counts in this process's memory, right for one process only. */
export class MemoryRateLimitCounters extends RateLimitCounters {
  private readonly windows = new Map<string, CounterWindow & { hits: number }>();
  private calls = 0;

  add(windows: CounterWindow[], now: number): Promise<number[]> {
    if (++this.calls % PURGE_EVERY === 0) for (const [bucket, w] of this.windows) if (w.endsAt <= now) this.windows.delete(bucket);
    return Promise.resolve(
      windows.map((window) => {
        const current = this.windows.get(window.bucket);
        const hits = current?.windowIndex === window.windowIndex ? current.hits + 1 : 1;
        this.windows.set(window.bucket, { ...window, hits });
        return hits;
      }),
    );
  }
}
