/** One bucket in its current window: `bucket` is a hash of the policy and the caller, so no address or token is kept. */
export interface CounterWindow {
  bucket: string;
  /** Which window of the policy (time since the epoch divided by the window length). */
  windowIndex: number;
  /** When the window ends, in epoch ms of the app clock. */
  endsAt: number;
}

/** Where the fixed-window counts live: this process's memory, the database, or Redis (RATE_LIMIT_STORE). */
export abstract class RateLimitCounters {
  /**
   * Adds one to every window's count and answers the counts, in the order given. Each addition is atomic: requests
   * at once, on any process sharing the store, never read the same count. `now` is the app clock's time in epoch ms.
   */
  abstract add(windows: CounterWindow[], now: number): Promise<number[]>;
}
