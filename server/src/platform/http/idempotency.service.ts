import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LessThan, type EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { FieldCipher } from '../crypto/field-cipher';
import { DatabaseService, isDuplicateKeyError, isLockWaitTimeout, retryOnContention } from '../database/database.service';
import { AppException } from '../errors/app-exception';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export interface IdempotentResult<T> {
  status: number;
  body: T;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
/** How long a first answer is kept for replay: a client retries within minutes, not days. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;
/** Expired records are swept at most this often per process. */
const SWEEP_INTERVAL_MS = 10 * 60 * 1000;
/** `statusCode` of a claimed key whose work has not committed yet. */
const IN_PROGRESS = 0;

const inProgress = () => new AppException('IDEMPOTENCY_IN_PROGRESS', undefined, { retryAfterSeconds: 1 });

/**
 * Runs a state-changing request once per (user, Idempotency-Key): a retry or a double tap gets the first answer
 * again. The work and the stored answer commit in one transaction, run again if the database picks it as a
 * deadlock victim. A parallel attempt waits on the claimed key and then replays the answer; if the first one
 * holds the key longer than the database waits for a lock, it answers 409 IDEMPOTENCY_IN_PROGRESS with
 * Retry-After. The stored answer is encrypted (it can hold personal data) and expires after a day.
 */
@Injectable()
export class IdempotencyService {
  private readonly logger = new Logger('Idempotency');
  private lastSweep = 0;

  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
    private readonly cipher: FieldCipher,
  ) {}

  async run<T>(
    userId: string,
    key: string | undefined,
    scope: string,
    request: unknown,
    work: (tx: EntityManager) => Promise<IdempotentResult<T>>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) return this.db.retryingTransaction(work);
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw AppException.validation([{ path: 'Idempotency-Key', code: 'INVALID_VALUE', message: '请求标识格式不正确' }]);
    }
    const requestHash = createHash('sha256')
      .update(`${scope}\n${JSON.stringify(request ?? null)}`)
      .digest('hex');
    try {
      return await this.db.retryingTransaction(async (tx) => {
        const replay = await this.replay<T>(tx, userId, key, requestHash);
        if (replay) return replay;
        // Claim the key first: a concurrent attempt blocks on this row and then fails as a duplicate.
        try {
          await tx.insert(IdempotencyRecordEntity, { userId, key, scope, requestHash, statusCode: IN_PROGRESS, response: '', createdAt: this.clock.now() });
        } catch (error) {
          if (isLockWaitTimeout(error)) throw inProgress();
          throw error;
        }
        const result = await work(tx);
        await tx.update(IdempotencyRecordEntity, { userId, key }, { statusCode: result.status, response: this.cipher.encrypt(JSON.stringify(result.body)) });
        return result;
      });
    } catch (error) {
      // A concurrent first attempt committed while this one ran: answer what it answered.
      if (!isDuplicateKeyError(error)) throw error;
      const replay = await this.replay<T>(this.db.manager, userId, key, requestHash);
      if (!replay) throw error;
      return replay;
    } finally {
      this.sweepNowAndThen();
    }
  }

  private async replay<T>(tx: EntityManager, userId: string, key: string, requestHash: string): Promise<IdempotentResult<T> | null> {
    const record = await tx.findOne(IdempotencyRecordEntity, {
      select: { requestHash: true, statusCode: true, response: true, createdAt: true },
      where: { userId, key },
    });
    if (!record) return null;
    if (record.createdAt.getTime() < this.clock.now().getTime() - IDEMPOTENCY_TTL_MS) {
      // Expired: the key is new again.
      await tx.delete(IdempotencyRecordEntity, { userId, key });
      return null;
    }
    if (record.requestHash !== requestHash) throw new AppException('IDEMPOTENCY_KEY_REUSED');
    if (record.statusCode === IN_PROGRESS) throw inProgress();
    const body = this.cipher.open(record.response);
    return { status: record.statusCode, body: JSON.parse(body) as T };
  }

  /** Deletes expired records, at most once per SWEEP_INTERVAL_MS, without holding up the request. */
  private sweepNowAndThen(): void {
    const now = this.clock.now().getTime();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    void this.sweep().catch((error: unknown) => this.logger.warn(`sweep failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  /** Deletes the records older than the TTL; answers how many. */
  async sweep(): Promise<number> {
    const cutoff = new Date(this.clock.now().getTime() - IDEMPOTENCY_TTL_MS);
    const result = await retryOnContention(() => this.db.manager.delete(IdempotencyRecordEntity, { createdAt: LessThan(cutoff) }));
    return result.affected ?? 0;
  }
}
