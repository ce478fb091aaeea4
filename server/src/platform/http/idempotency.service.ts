import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Clock } from '../clock/clock';
import { DatabaseService } from '../database/database.service';
import { AppException } from '../errors/app-exception';
import { IdempotencyRecordEntity } from './idempotency-record.entity';

export interface IdempotentResult<T> {
  status: number;
  body: T;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function isDuplicateKeyError(error: unknown): boolean {
  const e = error as { code?: string; errno?: number; driverError?: { code?: string } };
  const code = e.driverError?.code ?? e.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * Runs a state-changing request once per (user, Idempotency-Key): a retry or a double tap gets the first answer
 * again. The work and the stored answer commit in one transaction.
 */
@Injectable()
export class IdempotencyService {
  constructor(
    private readonly db: DatabaseService,
    private readonly clock: Clock,
  ) {}

  async run<T>(
    userId: string,
    key: string | undefined,
    scope: string,
    request: unknown,
    work: (tx: EntityManager) => Promise<IdempotentResult<T>>,
  ): Promise<IdempotentResult<T>> {
    if (key === undefined) return this.db.transaction(work);
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw AppException.validation([{ path: 'Idempotency-Key', code: 'INVALID_VALUE', message: '请求标识格式不正确' }]);
    }
    const requestHash = createHash('sha256').update(`${scope}\n${JSON.stringify(request ?? null)}`).digest('hex');
    try {
      return await this.db.transaction(async (tx) => {
        const replay = await this.replay<T>(tx, userId, key, requestHash);
        if (replay) return replay;
        // Claim the key first: a concurrent attempt blocks on this row and then fails as a duplicate.
        await tx.insert(IdempotencyRecordEntity, { userId, key, scope, requestHash, statusCode: 0, response: '', createdAt: this.clock.now() });
        const result = await work(tx);
        await tx.update(IdempotencyRecordEntity, { userId, key }, { statusCode: result.status, response: JSON.stringify(result.body) });
        return result;
      });
    } catch (error) {
      // A concurrent first attempt committed while this one ran: answer what it answered.
      if (!isDuplicateKeyError(error)) throw error;
      const replay = await this.replay<T>(this.db.manager, userId, key, requestHash);
      if (!replay) throw error;
      return replay;
    }
  }

  private async replay<T>(tx: EntityManager, userId: string, key: string, requestHash: string): Promise<IdempotentResult<T> | null> {
    const record = await tx.findOne(IdempotencyRecordEntity, {
      select: { requestHash: true, statusCode: true, response: true },
      where: { userId, key },
    });
    if (!record) return null;
    if (record.requestHash !== requestHash) throw new AppException('IDEMPOTENCY_KEY_REUSED');
    return { status: record.statusCode, body: JSON.parse(record.response) as T };
  }
}
