import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { openTransaction, transactionScope } from './transaction-scope';

const errnoOf = (error: unknown) => {
  const e = error as { errno?: number; driverError?: { errno?: number } } | null;
  return e?.driverError?.errno ?? e?.errno;
};

/** MySQL/MariaDB rolled this transaction back as a deadlock victim (ER_LOCK_DEADLOCK): running it again is safe. */
export const isDeadlockVictim = (error: unknown): boolean => errnoOf(error) === 1213;

/** A row lock was not granted within the lock wait (ER_LOCK_WAIT_TIMEOUT): its holder is still at work. */
export const isLockWaitTimeout = (error: unknown): boolean => errnoOf(error) === 1205;

/**
 * The database refused this transaction because of other transactions, not because of what it does: a deadlock
 * victim, a lock wait that timed out, or SQLite busy/locked (another process holds the file). Running the whole
 * transaction again is safe.
 */
export function isContention(error: unknown): boolean {
  if (isDeadlockVictim(error) || isLockWaitTimeout(error)) return true;
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = e?.driverError?.code ?? e?.code;
  return typeof code === 'string' && /^SQLITE_(BUSY|LOCKED)/.test(code);
}

/** A unique key refused an insert: in a create-if-absent, someone else created the row first. */
export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export interface ContentionRetry {
  /** Runs in all, the first included. */
  attempts?: number;
  /** Upper bound of the random pause before the n-th rerun, doubled each time (full jitter). */
  baseDelayMs?: number;
  /**
   * Other errors worth a rerun, e.g. isDuplicateKeyError for a create-if-absent whose rerun reads the row a
   * parallel request inserted.
   */
  alsoOn?: (error: unknown) => boolean;
}

/** For a create-if-absent transaction: a rerun after a parallel request inserted the row finds it and updates it. */
export const CREATE_IF_ABSENT: ContentionRetry = { alsoOn: isDuplicateKeyError };

/**
 * Runs `run` again (a bounded number of times, after a random pause) while it fails with contention: the one
 * place that decides a deadlock victim or a busy database is retried. `run` must start and end its own
 * transaction and do nothing outside the database that cannot be repeated.
 */
export async function retryOnContention<T>(run: () => Promise<T>, { attempts = 5, baseDelayMs = 20, alsoOn }: ContentionRetry = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      // A lock wait timeout already cost the whole wait (50 s by default): it is run again once, not every time.
      const waitedOut = isLockWaitTimeout(error) && attempt > 1;
      if (attempt >= attempts || waitedOut || !(isContention(error) || alsoOn?.(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

/** The part of mysql2's pool that `read` uses (TypeORM's MySQL driver keeps one as `pool`). */
interface PreparingPool {
  execute(sql: string, params: unknown[], done: (error: Error | null, rows: unknown) => void): void;
}

/**
 * Transactions for services. SQLite has one connection and no row locks, so its transactions run one at a
 * time here; MySQL/MariaDB run them concurrently on the pool.
 */
@Injectable()
export class DatabaseService {
  private sqliteQueue: Promise<unknown> = Promise.resolve();

  constructor(readonly dataSource: DataSource) {}

  get isSqlite(): boolean {
    return this.dataSource.options.type === 'better-sqlite3';
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  /**
   * For the stand-ins of outside systems (simulators), whose ports take no transaction: inside a caller's open
   * transaction they read and write through it instead of taking a second connection from the pool.
   */
  get ambient(): EntityManager {
    return openTransaction()?.manager ?? this.dataSource.manager;
  }

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.isSqlite) return this.dataSource.transaction((tx) => transactionScope.run(tx.queryRunner!, () => work(tx)));
    const run = this.sqliteQueue.then(() => this.dataSource.transaction(work));
    this.sqliteQueue = run.catch(() => undefined);
    return run;
  }

  /**
   * One write statement on its own, for hot paths: on MySQL/MariaDB it commits by itself (one round trip instead
   * of BEGIN, statement, COMMIT); on SQLite it queues like a transaction, so it never lands inside another one's.
   * A deadlock victim was rolled back, so it runs again (retryOnContention).
   */
  statement<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return retryOnContention(() => (this.isSqlite ? this.transaction(work) : work(this.manager)));
  }

  /**
   * A write transaction run again when the database picks it as a deadlock victim or is busy (see
   * retryOnContention). Only for work that is database work alone: a rerun repeats everything inside.
   */
  retryingTransaction<T>(work: (tx: EntityManager) => Promise<T>, retry?: ContentionRetry): Promise<T> {
    return retryOnContention(() => this.transaction(work), retry);
  }

  /**
   * Hand-written SQL for hot paths (same text on both dialects unless the caller branches on isSqlite), run in
   * `tx` or on the pool. Reads answer their rows; writes answer the number of rows they changed.
   */
  async rows<T>(sql: string, params: unknown[], tx: EntityManager = this.manager): Promise<T[]> {
    return (await tx.query(sql, params)) as T[];
  }

  /**
   * A read on the hottest paths (every request's session, the polled progress page), outside any transaction: on
   * MySQL/MariaDB a prepared statement straight on the driver's pool (parsed once per connection, binary rows, no
   * query runner); on SQLite the cached statements of `rows`. Inside an open transaction it is an ordinary `rows`, so
   * the guard against a second connection still sees it.
   */
  async read<T>(sql: string, params: unknown[]): Promise<T[]> {
    if (this.isSqlite || openTransaction()) return this.rows<T>(sql, params);
    const pool = (this.dataSource.driver as unknown as { pool: PreparingPool }).pool;
    return new Promise<T[]>((resolve, reject) => pool.execute(sql, params, (error, rows) => (error ? reject(error) : resolve(rows as T[]))));
  }

  async execute(tx: EntityManager, sql: string, params: unknown[]): Promise<number> {
    const runner = tx.queryRunner ?? this.dataSource.createQueryRunner();
    try {
      return (await runner.query(sql, params, true)).affected ?? 0;
    } finally {
      if (!tx.queryRunner) await runner.release();
    }
  }

  /** A TimeColumn value as the driver stores it: UTC text with milliseconds on SQLite (as TypeORM writes it). */
  timeParam(time: Date): Date | string {
    return this.isSqlite ? time.toISOString().replace('T', ' ').slice(0, 23) : time;
  }

  /** A TimeColumn value read by hand-written SQL: SQLite answers UTC text without a zone. */
  timeFromRow(value: Date | string): Date {
    return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
  }

  async ping(): Promise<void> {
    await this.dataSource.query('SELECT 1');
  }
}
