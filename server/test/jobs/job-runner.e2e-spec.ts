import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { QueryFailedError } from 'typeorm';
import { createApp } from '../../src/app.factory';
import { JobEntity } from '../../src/jobs/job.entity';
import { JobScheduler, type JobRequest } from '../../src/jobs/job-scheduler';
import { JobRunner, type DueJob } from '../../src/jobs/job.runner';
import { DatabaseService } from '../../src/platform/database/database.service';
import { useTestApp } from '../support/test-app';

const RETRY_BASE_MS = 60_000;
const LEASE_MS = 120_000;

describe('jobs: the database-backed scheduler', () => {
  const t = useTestApp({
    WORKER_MAX_ATTEMPTS: '3',
    WORKER_RETRY_BASE_MS: String(RETRY_BASE_MS),
    WORKER_LEASE_MS: String(LEASE_MS),
    WORKER_BATCH_SIZE: '10',
  });
  let runner: JobRunner;
  const runs: DueJob[] = [];
  let failing = 0;

  beforeAll(async () => {
    runner = t.app.get(JobRunner);
    runner.handle('test.record', async (job) => void runs.push(job));
    runner.handle('test.deadlock-once', async (job) => {
      runs.push(job);
      // The shape mysql2 gives a deadlock victim, as TypeORM wraps it.
      if (runs.length === 1)
        throw new QueryFailedError(
          'UPDATE …',
          [],
          Object.assign(new Error('Deadlock found when trying to get lock; try restarting transaction'), { code: 'ER_LOCK_DEADLOCK', errno: 1213 }),
        );
    });
    runner.handle('test.fail', async () => {
      failing++;
      throw new Error('remote side unavailable');
    });
  });
  beforeEach(() => {
    runs.length = 0;
    failing = 0;
  });

  const schedule = (...jobs: JobRequest[]) =>
    t.db.transaction(async (tx) => {
      for (const job of jobs) await t.app.get(JobScheduler).schedule(tx, job);
    });
  const key = (name: string) => `${name}:${Math.random().toString(36).slice(2)}`;
  const jobRow = (dedupeKey: string) => t.db.manager.findOneByOrFail(JobEntity, { dedupeKey });

  it('should run a due job once with its payload and leave a future one waiting when drained', async () => {
    const now = t.clock.now();
    const due = key('due');
    const later = key('later');
    await schedule(
      { type: 'test.record', payload: { orderId: 'o-1' }, dueAt: now, dedupeKey: due },
      { type: 'test.record', payload: {}, dueAt: new Date(now.getTime() + 3600_000), dedupeKey: later },
    );

    await runner.drain();
    await runner.drain();

    expect(runs).toEqual([expect.objectContaining({ type: 'test.record', payload: { orderId: 'o-1' }, attempt: 1, dedupeKey: due })]);
    expect(await jobRow(due)).toMatchObject({ status: 'done', attempts: 1, lockedBy: null });
    expect(await jobRow(later)).toMatchObject({ status: 'pending', attempts: 0 });

    t.clock.advance(3600_000);
    await runner.drain();
    expect(runs.map((r) => r.dedupeKey)).toEqual([due, later]);
  });

  it('should keep the first job when the same dedupe key is scheduled twice', async () => {
    const dedupeKey = key('once');
    await schedule({ type: 'test.record', payload: { n: 1 }, dueAt: t.clock.now(), dedupeKey });
    await schedule({ type: 'test.record', payload: { n: 2 }, dueAt: t.clock.now(), dedupeKey });

    await runner.drain();

    expect(runs.map((r) => r.payload)).toEqual([{ n: 1 }]);
  });

  it('should not run a cancelled job', async () => {
    const dedupeKey = key('cancelled');
    await schedule({ type: 'test.record', payload: {}, dueAt: t.clock.now(), dedupeKey });
    const cancelled = await t.db.transaction((tx) => t.app.get(JobScheduler).cancel(tx, dedupeKey));

    await runner.drain();

    expect(cancelled).toBe(true);
    expect(runs).toHaveLength(0);
    expect((await jobRow(dedupeKey)).status).toBe('cancelled');
  });

  it('should retry with a doubling backoff and mark the job dead after the last attempt fails', async () => {
    const dedupeKey = key('flaky');
    await schedule({ type: 'test.fail', payload: {}, dueAt: t.clock.now(), dedupeKey });

    await runner.drain();
    const afterFirst = await jobRow(dedupeKey);
    t.clock.advance(RETRY_BASE_MS - 1000);
    await runner.drain();
    const stillWaiting = failing;
    t.clock.advance(1000);
    await runner.drain();
    const afterSecond = await jobRow(dedupeKey);
    const secondDelay = afterSecond.dueAt.getTime() - t.clock.now().getTime();
    t.clock.advance(2 * RETRY_BASE_MS);
    await runner.drain();

    expect(afterFirst).toMatchObject({ status: 'pending', attempts: 1, lastError: 'remote side unavailable' });
    expect(stillWaiting).toBe(1);
    expect(secondDelay).toBe(2 * RETRY_BASE_MS);
    expect(afterSecond).toMatchObject({ status: 'pending', attempts: 2 });
    expect(await jobRow(dedupeKey)).toMatchObject({ status: 'dead', attempts: 3 });
    expect(failing).toBe(3);
    expect((await runner.listDead()).map((j) => j.dedupeKey)).toContain(dedupeKey);
  });

  it('should run a deadlock victim again at once, within the same attempt', async () => {
    const dedupeKey = key('deadlock');
    await schedule({ type: 'test.deadlock-once', payload: {}, dueAt: t.clock.now(), dedupeKey });

    await runner.drain();

    expect(runs).toHaveLength(2);
    expect(await jobRow(dedupeKey)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  });

  it('should fail a job whose type has no handler and keep the reason', async () => {
    const dedupeKey = key('orphan');
    await schedule({ type: 'test.nobody', payload: {}, dueAt: t.clock.now(), dedupeKey });

    await runner.drain();

    expect(await jobRow(dedupeKey)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'no handler registered for test.nobody' });
    await t.db.manager.update(JobEntity, { dedupeKey }, { status: 'cancelled' });
  });

  it('should leave a job claimed by another runner alone until its lease ends, then run it', async () => {
    const dedupeKey = key('leased');
    await schedule({ type: 'test.record', payload: {}, dueAt: t.clock.now(), dedupeKey });
    await t.db.manager.update(JobEntity, { dedupeKey }, { lockedBy: 'runner-that-died', lockedUntil: new Date(t.clock.now().getTime() + LEASE_MS) });

    await runner.drain();
    const whileLeased = runs.length;
    t.clock.advance(LEASE_MS);
    await runner.drain();

    expect(whileLeased).toBe(0);
    expect(runs.map((r) => r.dedupeKey)).toEqual([dedupeKey]);
  });

  describe('a burst of 200 jobs', () => {
    let second: NestFastifyApplication | null = null;
    const burst = 200;

    beforeAll(async () => {
      // Two runners share one database only on MySQL/MariaDB; SQLite runs one runner.
      if (t.database.kind === 'mysql') second = await createApp(t.config, { clock: t.clock });
    });
    afterAll(async () => {
      await second?.close();
    });

    it('should run each job exactly once when every runner drains the database at the same time', async () => {
      const byRunner = new Map<string, number[]>();
      const runners = [runner, ...(second ? [second.get(JobRunner)] : [])];
      for (const r of runners) {
        byRunner.set(r.workerId, []);
        r.handle('test.burst', async (job) => {
          await new Promise((resolve) => setImmediate(resolve));
          byRunner.get(r.workerId)!.push(job.payload.n as number);
        });
      }
      const prefix = key('burst');
      await schedule(...Array.from({ length: burst }, (_, n) => ({ type: 'test.burst', payload: { n }, dueAt: t.clock.now(), dedupeKey: `${prefix}:${n}` })));

      const claimed = await Promise.all(runners.map((r) => r.drain()));

      const all = [...byRunner.values()].flat().sort((a, b) => a - b);
      expect(all).toEqual(Array.from({ length: burst }, (_, n) => n));
      expect(claimed.reduce((a, b) => a + b, 0)).toBe(burst);
      const done = await t.app.get(DatabaseService).manager.countBy(JobEntity, { type: 'test.burst', status: 'done' });
      expect(done).toBe(burst);
    });
  });
});
