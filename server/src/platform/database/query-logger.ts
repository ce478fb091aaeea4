import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { isDeadlockVictim, isDuplicateKeyError } from './database.service';

/**
 * TypeORM's query-failure log through the application's logger, without the parameters (they carry personal data).
 * A duplicate key (dedupe keys, idempotency records, concurrent claims) and a deadlock victim (run again) are part
 * of normal operation and their callers handle them: debug. Any other failure also reaches its caller as an
 * exception, so this line only adds the SQL that failed.
 */
export class DatabaseQueryLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQueryError(error: string | Error, query: string): void {
    const message = `query failed: ${error instanceof Error ? error.message : error} — ${query}`;
    if (isDuplicateKeyError(error) || isDeadlockVictim(error)) this.logger.debug(message);
    else this.logger.error(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
}
