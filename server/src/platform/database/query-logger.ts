import { Logger } from '@nestjs/common';
import type { QueryRunner, Logger as TypeOrmLogger } from 'typeorm';
import { isDeadlockVictim, isDuplicateKeyError } from './database.service';
import { isQueryBesideTransaction } from './transaction-scope';

/**
 * TypeORM's query-failure log through the application's logger, without the parameters (they carry personal data).
 * A duplicate key (dedupe keys, idempotency records, concurrent claims) and a deadlock victim (run again) are part
 * of normal operation and their callers handle them: debug. Any other failure also reaches its caller as an
 * exception, so this line only adds the SQL that failed.
 */
export class DatabaseQueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  /**
   * `refuseQueriesBesideTransaction`: a query sent to the pool from inside a transaction (see isQueryBesideTransaction)
   * fails, so tests find it; in production it is logged instead.
   */
  constructor(private readonly refuseQueriesBesideTransaction = false) {}

  logQueryError(error: string | Error, query: string): void {
    const message = `query failed: ${error instanceof Error ? error.message : error} — ${query}`;
    if (isDuplicateKeyError(error) || isDeadlockVictim(error)) this.logger.debug(message);
    else this.logger.error(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }

  logQuery(query: string, _parameters?: unknown[], runner?: QueryRunner): void {
    if (!isQueryBesideTransaction(runner)) return;
    const problem = new Error(`a query on a second connection inside a transaction (pass the transaction's tx): ${query.slice(0, 200)}`);
    if (this.refuseQueriesBesideTransaction) throw problem;
    this.logger.error(problem.stack);
  }
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
}
