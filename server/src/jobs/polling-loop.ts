import { Logger } from '@nestjs/common';

/** Runs `tick` every `intervalMs` (never two at once) until stopped; `stop` waits for the tick in progress. */
export class PollingLoop {
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly intervalMs: number,
    private readonly tick: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.current;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.current = this.tick()
        .then(() => undefined)
        .catch((error: unknown) => this.logger.error(error instanceof Error ? error.stack : String(error)))
        .finally(() => {
          this.current = null;
          this.schedule();
        });
    }, this.intervalMs);
  }
}
