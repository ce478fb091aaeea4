import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DatabaseService } from '../database/database.service';
import { Clock } from './clock';

const ROW = 'simulated';
/** The workers of a process see another process's fast-forward within this long; requests see it at once. */
const REFRESH_MS = 1000;

/**
 * `CLOCK=controllable`: real time plus an offset that only grows, so demos fast-forward without freezing time. The
 * offset is one row of the database: a fast-forward on one process moves the clock of every process. `now()` answers
 * from this process's copy, read again before every request and every second.
 */
export class SharedOffsetClock extends Clock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Clock');
  private offsetMs = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly db: DatabaseService) {
    super();
  }

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Adds to the shared offset in one statement, so two fast-forwards at once both count. */
  async advance(ms: number): Promise<void> {
    const add = this.db.isSqlite
      ? 'INSERT INTO clock_offsets (name, offset_ms) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET offset_ms = clock_offsets.offset_ms + excluded.offset_ms'
      : 'INSERT INTO clock_offsets (name, offset_ms) VALUES (?, ?) ON DUPLICATE KEY UPDATE offset_ms = offset_ms + VALUES(offset_ms)';
    this.keep(
      await this.db.retryingTransaction(async (tx) => {
        await this.db.execute(tx, add, [ROW, ms]);
        return this.stored(tx);
      }),
    );
  }

  /** Takes up what another process moved; when the database cannot answer, the last offset read stays. */
  async refresh(): Promise<void> {
    try {
      this.keep(await this.stored(this.db.manager));
    } catch (error) {
      this.logger.warn(`simulated clock not read: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS).unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private async stored(manager: EntityManager): Promise<number> {
    const [row] = await this.db.rows<{ offset_ms: number | string }>('SELECT offset_ms FROM clock_offsets WHERE name = ?', [ROW], manager);
    return Number(row?.offset_ms ?? 0);
  }

  private keep(offsetMs: number): void {
    this.offsetMs = Math.max(this.offsetMs, offsetMs);
  }
}
