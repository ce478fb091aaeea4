/** Edit counters of the sections a save sends, to tell edits made while that save was in flight. */
export type DirtySnapshot = Readonly<Record<string, number>>;

export interface AutosaveTiming {
  /** Quiet time after the last edit before saving. */
  delayMs: number;
  /** Waits before retrying a failed save: one per failure in a row, the last one repeated. */
  retryDelaysMs: readonly number[];
}

export const AUTOSAVE_TIMING: AutosaveTiming = { delayMs: 800, retryDelaysMs: [2000, 5000, 10000, 30000] };

/**
 * When the draft is saved: which sections changed since their last save, one timer for the next save, the backoff
 * after failures and at most one save in flight (each needs the version the previous one answered).
 */
export class DraftAutosaveScheduler {
  private dirty: Record<string, number> = {};
  private changes = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private inFlight: Promise<void> | undefined;

  constructor(
    /** Called when the timer fires. */
    private readonly save: () => Promise<void>,
    private readonly timing: AutosaveTiming = AUTOSAVE_TIMING,
  ) {}

  markDirty(sections: readonly string[]): void {
    for (const section of sections) this.dirty[section] = ++this.changes;
  }

  hasPending(): boolean {
    return Object.keys(this.dirty).length > 0;
  }

  pendingSections(): string[] {
    return Object.keys(this.dirty);
  }

  /** The sections to send now, with their edit counters. */
  snapshot(): DirtySnapshot {
    return { ...this.dirty };
  }

  /** A save of `snapshot` succeeded: its sections are clean unless edited again since. */
  saved(snapshot: DirtySnapshot): void {
    for (const [section, change] of Object.entries(snapshot)) if (this.dirty[section] === change) delete this.dirty[section];
    this.failures = 0;
  }

  /** A save failed: the next one is scheduled after the backoff. */
  failed(): void {
    const { retryDelaysMs } = this.timing;
    this.schedule(retryDelaysMs[Math.min(this.failures++, retryDelaysMs.length - 1)]);
  }

  schedule(delayMs = this.timing.delayMs): void {
    this.cancel();
    this.timer = setTimeout(() => void this.save(), delayMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Forgets unsaved changes (a new wizard). */
  discard(): void {
    this.cancel();
    this.dirty = {};
  }

  /** Starts over for a draft just loaded from the server. */
  reset(): void {
    this.discard();
    this.failures = 0;
  }

  /**
   * Runs `save` unless one is in flight; then it waits for that one and schedules another if changes are left.
   */
  async runExclusive(save: () => Promise<void>): Promise<void> {
    if (this.inFlight) {
      await this.inFlight;
      if (this.hasPending()) this.schedule();
      return;
    }
    this.inFlight = save();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = undefined;
    }
  }

  /** Resolves once no save is in flight. */
  async idle(): Promise<void> {
    if (this.inFlight) await this.inFlight;
  }
}
