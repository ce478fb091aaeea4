import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { DatabaseQueryLogger } from '../../src/platform/database/query-logger';

describe('TypeORM query failures in the application log', () => {
  const logger: TypeOrmLogger = new DatabaseQueryLogger();
  let error: jest.SpyInstance;
  let debug: jest.SpyInstance;

  beforeEach(() => {
    error = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    debug = jest.spyOn(Logger.prototype, 'debug').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it.each([
    ['SQLite', Object.assign(new Error('UNIQUE constraint failed: messages.dedupe_key'), { code: 'SQLITE_CONSTRAINT_UNIQUE' })],
    ['MySQL/MariaDB', Object.assign(new Error("Duplicate entry 'k' for key 'dedupe_key'"), { code: 'ER_DUP_ENTRY', errno: 1062 })],
    ['a deadlock victim', Object.assign(new Error('Deadlock found when trying to get lock'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 })],
  ])('should log a duplicate key or deadlock from %s at debug, since its caller handles it', (_, failure) => {
    logger.logQueryError(failure, 'INSERT INTO "messages" …');

    expect(debug).toHaveBeenCalledTimes(1);
    expect(error).not.toHaveBeenCalled();
  });

  it('should log any other failure at error with the SQL but without the parameters', () => {
    logger.logQueryError(new Error('no such table: orders'), 'SELECT * FROM "orders" WHERE "id_number" = ?', ['110101199003071234']);

    expect(error).toHaveBeenCalledWith(expect.stringContaining('no such table: orders'));
    expect(error).toHaveBeenCalledWith(expect.stringContaining('SELECT * FROM "orders" WHERE "id_number" = ?'));
    expect(JSON.stringify(error.mock.calls)).not.toContain('110101199003071234');
  });
});
