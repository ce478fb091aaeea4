import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Which process runs the job runner and outbox worker. MySQL/MariaDB: every process (rows are claimed with
 * `SKIP LOCKED`). SQLite has no row locks, so only one process runs them: the one whose pid is in
 * `<database file>.runner-lock`; a lock left by a process that died is taken over by the next one that looks.
 */
@Injectable()
export class RunnerLock implements OnModuleDestroy {
  readonly path: string | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.path = config.database.type === 'sqlite' ? `${config.database.path}.runner-lock` : null;
  }

  /** True when this process may run the workers now; asked before every round, so a lost lock stops them. */
  held(): boolean {
    if (!this.path) return true;
    const holder = this.holder();
    if (holder === process.pid) return true;
    if (holder !== null && isAlive(holder)) return false;
    if (holder !== null) this.discardStale(holder);
    return this.create() && this.holder() === process.pid;
  }

  onModuleDestroy(): void {
    if (this.path && this.holder() === process.pid) unlinkSync(this.path);
  }

  /** The pid in the lock file, null when there is none. */
  holder(): number | null {
    try {
      return Number(readFileSync(this.path!, 'utf8')) || null;
    } catch {
      return null;
    }
  }

  private create(): boolean {
    try {
      const fd = openSync(this.path!, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return true;
    } catch {
      return false;
    }
  }

  /** Renamed rather than deleted, so of two processes seeing the same stale lock only one removes it. */
  private discardStale(pid: number): void {
    const aside = `${this.path!}.${pid}.${process.pid}`;
    try {
      renameSync(this.path!, aside);
      unlinkSync(aside);
    } catch {
      // another process took it first
    }
  }
}
