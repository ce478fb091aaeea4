import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { WorkerConfig } from '../platform/config/app-config';
import type { Clock } from '../platform/clock/clock';
import { retryOnContention, type DatabaseService } from '../platform/database/database.service';
import { asError } from '../platform/errors/as-error';
import { RequestContext } from '../platform/http/request-context';
import type { AppLifecycle, LeaseHolder } from '../platform/lifecycle/app-lifecycle';
import { PollingLoop } from './polling-loop';
import type { RunnerLock } from './runner-lock';

/** The columns a row needs to be claimed under a lease and retried: `jobs` and `outbox_messages` both have them. */
export interface LeasedRow extends ObjectLiteral {
  id: number;
  type: string;
  payload: string;
  status: string;
  attempts: number;
  lastError: string | null;
  dueAt: Date;
  lockedBy: string | null;
  lockedUntil: Date | null;
  requestId: string | null;
}

export type RowHandler<R> = (row: R) => Promise<void>;
/** Runs a claimed batch's rows of one type at once; answers, row by row, null when handled or the error that fails the row. */
export type BatchHandler<R> = (rows: R[]) => Promise<(Error | null)[]>;

const MAX_ERROR_LENGTH = 2000;
const DEADLOCK_RERUNS = 3;

/** Delay before the n-th retry (n ≥ 1): doubles each time, capped. */
export function retryDelayMs(attempt: number, config: Pick<WorkerConfig, 'retryBaseMs' | 'retryMaxMs'>): number {
  return Math.min(config.retryBaseMs * 2 ** Math.max(0, attempt - 1), config.retryMaxMs);
}

/**
 * Due rows claimed in batches under a lease: `SELECT … FOR UPDATE SKIP LOCKED LIMIT n` on MySQL/MariaDB so
 * several processes share the work; on SQLite one process runs, its transactions serialized. A row whose
 * runner died is claimed again when its lease ends, so handlers must be idempotent (at least once).
 *
 * With an `orderKey` (e.g. the outbox's aggregate), rows sharing a key are delivered one after the other in id
 * order: only the oldest pending row of a key can be claimed, so a later row waits while an earlier one is
 * being delivered or waits for its retry, across processes too (the earlier row's lock or lease holds the key),
 * and moves on once the earlier one is done or dead. Rows of different keys run in parallel.
 */
export abstract class LeasedRowQueue<R extends LeasedRow> implements OnApplicationBootstrap, OnModuleDestroy, LeaseHolder {
  /** Identifies this process in `locked_by`. */
  readonly workerId = `${hostname().slice(0, 30)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly handlers = new Map<string, RowHandler<R>>();
  private readonly batchHandlers = new Map<string, BatchHandler<R>>();
  private readonly logger: Logger;
  private loop: PollingLoop | null = null;
  /** Set when the process drains: no row is claimed any more; the batch in progress finishes. */
  private stopping = false;

  protected constructor(
    protected readonly db: DatabaseService,
    protected readonly clock: Clock,
    protected readonly config: WorkerConfig,
    private readonly lock: RunnerLock,
    private readonly entity: EntityTarget<R>,
    private readonly doneStatus: R['status'],
    lifecycle: AppLifecycle,
    private readonly orderKey: (keyof R & string) | null = null,
  ) {
    this.logger = new Logger(this.constructor.name);
    lifecycle.holdsLeases(this);
    lifecycle.onDraining(() => {
      this.stopping = true;
    });
  }

  /** One handler per row type; a row of a type without a handler fails and is retried. */
  protected register(type: string, handler: RowHandler<R>): void {
    if (this.handlers.has(type) || this.batchHandlers.has(type)) throw new Error(`${this.constructor.name}: a handler for ${type} is already registered`);
    this.handlers.set(type, handler);
  }

  /** One handler for all the rows of a type in a claimed batch (a row of another key each, so order is kept). */
  protected registerBatch(type: string, handler: BatchHandler<R>): void {
    if (this.handlers.has(type) || this.batchHandlers.has(type)) throw new Error(`${this.constructor.name}: a handler for ${type} is already registered`);
    this.batchHandlers.set(type, handler);
  }

  onApplicationBootstrap(): void {
    if (this.config.pollIntervalMs <= 0) return;
    this.loop = new PollingLoop(this.config.pollIntervalMs, async () => (this.lock.held() ? this.drain() : 0), this.logger);
    this.loop.start();
  }

  /** Waits for the round in progress, then hands back any row this process still holds (none after a clean round). */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    await this.loop?.stop();
    await this.releaseLeases().catch((error: unknown) => this.logger.warn(`could not release leases: ${String(error)}`));
  }

  /**
   * Makes the rows this process claimed and has not finished claimable again at once, instead of when their lease
   * ends: on shutdown, so another process takes them over. Returns how many.
   */
  async releaseLeases(): Promise<number> {
    if (!this.db.dataSource.isInitialized) return 0;
    const result = await this.db.manager.update(
      this.entity,
      { lockedBy: this.workerId, status: 'pending' } as FindOptionsWhere<R>,
      { lockedBy: null, lockedUntil: null } as object,
    );
    if (result.affected) this.logger.log(`released ${result.affected} row(s) on shutdown`);
    return result.affected ?? 0;
  }

  /** Claims one batch of due rows and runs them; returns how many were claimed (none once the process drains). */
  async runDue(): Promise<number> {
    const rows = this.stopping ? [] : await this.claim();
    await this.runBatch(rows);
    return rows.length;
  }

  /**
   * Runs batches until nothing is due (retries whose backoff has not passed are not due). The next batch is claimed
   * while the previous one runs (`batchesInFlight` at most): running rows are leased, so no claim takes them again,
   * and a later row of their key is held back until they are done, then claimed by the next round.
   */
  async drain(maxBatches = 10_000): Promise<number> {
    const running = new Set<Promise<void>>();
    let total = 0;
    let finished = 0;
    try {
      for (let batch = 0; batch < maxBatches;) {
        const finishedBefore = finished;
        const rows = this.stopping ? [] : await this.claim();
        if (rows.length) {
          batch++;
          total += rows.length;
          const run: Promise<void> = this.runBatch(rows).finally(() => {
            running.delete(run);
            finished++;
          });
          running.add(run);
          if (running.size < this.config.batchesInFlight) continue;
        } else if (!running.size) {
          // A batch that ended during the claim may have freed the next row of its key: only a claim after it tells.
          if (finished === finishedBefore) return total;
          continue;
        }
        await Promise.race(running);
      }
    } catch (error) {
      await Promise.allSettled(running);
      throw error;
    }
    await Promise.all(running);
    throw new Error(`${this.constructor.name}: still busy after ${maxBatches} batches`);
  }

  /** Rows that failed `maxAttempts` times, newest first: for staff to look at and requeue. */
  listDead(limit = 50): Promise<R[]> {
    return this.db.manager.createQueryBuilder(this.entity, 'r').where('r.status = :dead', { dead: 'dead' }).orderBy('r.dueAt', 'DESC').limit(limit).getMany();
  }

  /** Puts a dead row back in the queue, due now, with its attempts reset. */
  async requeue(id: number): Promise<boolean> {
    const result = await this.db.manager.update(
      this.entity,
      { id, status: 'dead' } as FindOptionsWhere<R>,
      { status: 'pending', attempts: 0, dueAt: this.clock.now(), lockedBy: null, lockedUntil: null } as object,
    );
    return Boolean(result.affected);
  }

  private async claim(): Promise<R[]> {
    const now = this.clock.now();
    const lockedUntil = new Date(now.getTime() + this.config.leaseMs);
    return this.db.retryingTransaction(async (tx) => {
      const query = tx
        .createQueryBuilder(this.entity, 'r')
        .where('r.status = :pending', { pending: 'pending' })
        .andWhere('r.dueAt <= :now', { now })
        .andWhere('(r.lockedUntil IS NULL OR r.lockedUntil <= :now)', { now })
        .orderBy('r.dueAt', 'ASC')
        .addOrderBy('r.id', 'ASC')
        // Without LIMIT the first claimer would lock every due row.
        .limit(this.config.batchSize);
      if (this.orderKey) {
        const earlier = tx
          .createQueryBuilder(this.entity, 'e')
          .select('1')
          .where(`e.${this.orderKey} = r.${this.orderKey}`)
          .andWhere('e.status = :pending')
          .andWhere('e.id < r.id');
        query.andWhere(`NOT EXISTS (${earlier.getQuery()})`);
      }
      if (!this.db.isSqlite) query.setLock('pessimistic_write').setOnLocked('skip_locked');
      const rows = await query.getMany();
      if (!rows.length) return [];
      await tx.update(this.entity, { id: In(rows.map((r) => r.id)) } as FindOptionsWhere<R>, { lockedBy: this.workerId, lockedUntil } as object);
      return rows.map((r) => ({ ...r, lockedBy: this.workerId, lockedUntil }));
    });
  }

  private async runBatch(rows: R[]): Promise<void> {
    const byType = new Map<string, R[]>();
    for (const row of rows) byType.set(row.type, [...(byType.get(row.type) ?? []), row]);
    const groups = [...byType.values()];
    const outcomes = await Promise.all(groups.map((group) => this.runGroup(group)));
    const errors = outcomes.flat();
    const ran = groups.flat().map((row, i) => ({ row, error: errors[i] ?? null }));
    await Promise.all(ran.flatMap(({ row, error }) => (error ? [this.fail(row, error)] : [])));
    await this.finishHandled(ran.filter((r) => !r.error).map((r) => r.row));
  }

  /** The rows of one type: through its batch handler when it has one (its failure fails them all), else one by one. */
  private async runGroup(rows: R[]): Promise<(Error | null)[]> {
    const batch = this.batchHandlers.get(rows[0]!.type);
    if (!batch) return Promise.all(rows.map((row) => this.run(row)));
    try {
      const outcomes = await batch(rows);
      return rows.map((_, i) => outcomes[i] ?? null);
    } catch (error) {
      return rows.map(() => asError(error));
    }
  }

  /**
   * Null when the handler returned; a failure is recorded with its batch (retry or dead), a success too. A deadlock
   * victim runs again after a short random pause (retryOnContention): it is contention between runners, not a failure.
   */
  private async run(row: R): Promise<Error | null> {
    const handler = this.handlers.get(row.type);
    try {
      if (!handler) throw new Error(`no handler registered for ${row.type}`);
      // Under the id of the request that caused the row: what the handler writes carries it on.
      await retryOnContention(() => RequestContext.run(row.requestId, () => handler(row)), { attempts: DEADLOCK_RERUNS + 1 });
      return null;
    } catch (error) {
      return asError(error);
    }
  }

  /** The batch's handled rows in one statement; as in finish, only those this process still holds. */
  private async finishHandled(rows: R[]): Promise<void> {
    if (!rows.length) return;
    const done = { status: this.doneStatus, attempts: () => 'attempts + 1', lastError: null, lockedBy: null, lockedUntil: null, ...this.finishedColumns(true) };
    await this.db.statement((db) =>
      db
        .createQueryBuilder()
        .update(this.entity)
        .set(done as object)
        .where({ id: In(rows.map((r) => r.id)), lockedBy: this.workerId } as FindOptionsWhere<R>)
        .execute(),
    );
  }

  private async fail(row: R, error: Error): Promise<void> {
    const attempts = row.attempts + 1;
    const message = error.message.slice(0, MAX_ERROR_LENGTH);
    const dead = attempts >= this.config.maxAttempts;
    const request = row.requestId ? ` [request ${row.requestId}]` : '';
    // Under the row's own request id: a row of a batch is logged with the request that caused it, not the batch's.
    RequestContext.run(row.requestId, () => {
      if (dead) this.logger.error(`${row.type} #${row.id}${request} is dead after ${attempts} attempts: ${message}`);
      else this.logger.warn(`${row.type} #${row.id}${request} failed (attempt ${attempts}): ${message}`);
    });
    const dueAt = new Date(this.clock.now().getTime() + retryDelayMs(attempts, this.config));
    await this.finish(row, { status: dead ? 'dead' : 'pending', attempts, lastError: message, ...(dead ? {} : { dueAt }) });
  }

  /** Only the lease holder records the outcome; a runner whose lease ran out leaves the row to its new owner. */
  private async finish(row: R, change: Record<string, unknown>): Promise<void> {
    await this.db.statement((db) =>
      db.update(
        this.entity,
        { id: row.id, lockedBy: this.workerId } as FindOptionsWhere<R>,
        {
          ...change,
          lockedBy: null,
          lockedUntil: null,
          ...this.finishedColumns(change.status === this.doneStatus),
        } as object,
      ),
    );
  }

  /** Extra columns written when a row ends, e.g. its completion time. */
  protected abstract finishedColumns(done: boolean): Record<string, unknown>;
}
