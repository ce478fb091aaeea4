import type { EntityManager } from 'typeorm';
import { useTestApp, type TestApp } from '../support/test-app';
// A second connection to the SQLite file, as another process would open it (better-sqlite3 ships no types).
const Database = require('better-sqlite3') as new (path: string) => { prepare(sql: string): { run(): unknown }; close(): void };

/** Two transactions taking the same two rows in opposite order: InnoDB rolls one back as a deadlock victim. */
async function crossedWrites(t: TestApp, run: (work: (tx: EntityManager) => Promise<void>) => Promise<void>) {
  await t.db.dataSource.query('DELETE FROM retry_probe');
  await t.db.dataSource.query('INSERT INTO retry_probe (id, n) VALUES (1, 0), (2, 0)');
  let arrived = 0;
  let release!: () => void;
  const bothHoldOne = new Promise<void>((resolve) => (release = resolve));
  const crossing = (first: number, second: number) => async (tx: EntityManager) => {
    await tx.query('UPDATE retry_probe SET n = n + 1 WHERE id = ?', [first]);
    if (++arrived === 2) release();
    await Promise.race([bothHoldOne, new Promise((resolve) => setTimeout(resolve, 2000))]);
    await tx.query('UPDATE retry_probe SET n = n + 1 WHERE id = ?', [second]);
  };
  return Promise.allSettled([run(crossing(1, 2)), run(crossing(2, 1))]);
}

describe('hardening: write transactions survive contention', () => {
  const t = useTestApp();

  beforeAll(async () => {
    await t.db.dataSource.query('CREATE TABLE retry_probe (id INT PRIMARY KEY, n INT NOT NULL)');
  });

  const mysqlOnly = process.env.TEST_MYSQL_URL ? it : it.skip;
  const sqliteOnly = process.env.TEST_MYSQL_URL ? it.skip : it;

  mysqlOnly('should lose one of two crossed transactions as a deadlock victim without the retry (the case being fixed)', async () => {
    const outcomes = await crossedWrites(t, (work) => t.db.transaction(work));

    const failures = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failures).toHaveLength(1);
    expect(String(failures[0]!.reason)).toMatch(/Deadlock/);
  });

  mysqlOnly('should commit both crossed transactions when the deadlock victim is run again', async () => {
    const outcomes = await crossedWrites(t, (work) => t.db.retryingTransaction(work));

    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(await t.db.dataSource.query('SELECT id, n FROM retry_probe ORDER BY id')).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  sqliteOnly('should run a transaction again when SQLite answers busy because another process wrote meanwhile', async () => {
    await t.db.dataSource.query('DELETE FROM retry_probe');
    await t.db.dataSource.query('INSERT INTO retry_probe (id, n) VALUES (1, 0)');
    const otherProcess = new Database(t.config.database.type === 'sqlite' ? t.config.database.path : '');
    let runs = 0;

    await t.db.retryingTransaction(async (tx) => {
      runs += 1;
      await tx.query('SELECT n FROM retry_probe WHERE id = 1');
      if (runs === 1) otherProcess.prepare('UPDATE retry_probe SET n = n + 10 WHERE id = 1').run();
      await tx.query('UPDATE retry_probe SET n = n + 1 WHERE id = 1');
    });
    otherProcess.close();

    expect(runs).toBe(2);
    expect(await t.db.dataSource.query('SELECT n FROM retry_probe WHERE id = 1')).toEqual([{ n: 11 }]);
  });

  it('should give up after a bounded number of runs and not retry other errors', async () => {
    let runs = 0;
    const busy = Object.assign(new Error('deadlock'), { driverError: { errno: 1213 } });
    const deadlocked = async () => {
      runs += 1;
      throw busy;
    };
    await expect(t.db.retryingTransaction(deadlocked, { attempts: 3, baseDelayMs: 1 })).rejects.toBe(busy);
    expect(runs).toBe(3);

    let waits = 0;
    const waitedOut = async () => {
      waits += 1;
      throw Object.assign(new Error('Lock wait timeout exceeded'), { driverError: { errno: 1205 } });
    };
    await expect(t.db.retryingTransaction(waitedOut, { baseDelayMs: 1 })).rejects.toThrow('Lock wait');
    expect(waits).toBe(2);

    let plainRuns = 0;
    const broken = async () => {
      plainRuns += 1;
      throw new Error('no');
    };
    await expect(t.db.retryingTransaction(broken)).rejects.toThrow('no');
    expect(plainRuns).toBe(1);
  });
});
