import { CalendarDayEntity } from '../../src/calendar/calendar-day.entity';
import { useTestApp } from '../support/test-app';

const onMysql = Boolean(process.env.TEST_MYSQL_URL);
const day = (date: string) => ({ date, kind: 'holiday' as const, source: 'test', note: null, createdAt: new Date() });

/**
 * A transaction that asks the pool for a second connection can wait for ever once enough of them run at once (a
 * batch of jobs takes every connection, each waiting for another): outside production such a query fails.
 */
describe('transactions keep to their one connection', () => {
  const t = useTestApp();

  (onMysql ? it : it.skip)('should refuse a query sent to the pool from inside an open transaction when not in production', async () => {
    const attempt = t.db.transaction(async (tx) => {
      await tx.insert(CalendarDayEntity, day('2031-01-02'));
      await t.db.manager.find(CalendarDayEntity, { where: { date: '2031-01-02' } });
    });

    await expect(attempt).rejects.toThrow(/a query on a second connection inside a transaction/);
    expect(await t.db.manager.countBy(CalendarDayEntity, { date: '2031-01-02' })).toBe(0);
  });

  it('should let a simulator read through the caller’s transaction when it runs inside one', async () => {
    const seen = await t.db.transaction(async (tx) => {
      await tx.insert(CalendarDayEntity, day('2031-01-03'));
      return t.db.ambient.countBy(CalendarDayEntity, { date: '2031-01-03' });
    });

    expect(seen).toBe(1);
  });

  it('should use the pool once the transaction has ended', async () => {
    await t.db.transaction((tx) => tx.insert(CalendarDayEntity, day('2031-01-04')));

    expect(await t.db.ambient.countBy(CalendarDayEntity, { date: '2031-01-04' })).toBe(1);
    expect(await t.db.manager.countBy(CalendarDayEntity, { date: '2031-01-04' })).toBe(1);
  });
});
