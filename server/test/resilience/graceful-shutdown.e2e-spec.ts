import { request } from 'node:http';
import { JobRunner } from '../../src/jobs/job.runner';
import { JobScheduler } from '../../src/jobs/job-scheduler';
import { JobEntity } from '../../src/jobs/job.entity';
import { AppLifecycle } from '../../src/platform/lifecycle/app-lifecycle';
import { useTestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { sharedEnvironment, spawnServer, type ServerProcess } from './server-process';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request whose body arrives in two parts: it is in flight from the first byte until `finish` sends the rest. */
function slowPost(base: string, path: string, body: string) {
  const url = new URL(path, base);
  const bytes = Buffer.from(body);
  let answer!: Promise<{ status: number; body: string }>;
  const req = request({
    host: url.hostname,
    port: url.port,
    path: url.pathname,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': bytes.length },
  });
  answer = new Promise((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
  });
  req.write(bytes.subarray(0, 5));
  req.flushHeaders();
  return {
    answer,
    finish: () => req.end(bytes.subarray(5)),
  };
}

describe('graceful shutdown', () => {
  describe('of a real server process on SIGTERM', () => {
    let database: TestDatabase;
    let server: ServerProcess;

    beforeAll(async () => {
      database = await createTestDatabase();
      server = await spawnServer(sharedEnvironment(database.url, { LOG_LEVEL: 'info', SHUTDOWN_DELAY_MS: '1500', SHUTDOWN_GRACE_MS: '10000' }));
    }, 60_000);
    afterAll(async () => {
      await server?.kill();
      await database?.drop();
    });

    it('should finish the request in flight, answer ready 503 while draining, take no new connection after the delay and exit 0 within the grace period', async () => {
      expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);
      const exited = new Promise<{ code: number | null; at: number }>((resolve) => server.child.once('exit', (code) => resolve({ code, at: Date.now() })));
      const slow = slowPost(server.url, '/api/auth/dev-login', JSON.stringify({ nickname: '慢请求' }));
      await sleep(200);

      const termAt = Date.now();
      server.child.kill('SIGTERM');
      await sleep(300);
      const whileDraining = await fetch(`${server.url}/api/health/ready`);
      const drainingBody = await whileDraining.json();
      const liveWhileDraining = (await fetch(`${server.url}/api/health/live`)).status;
      await sleep(1700); // past SHUTDOWN_DELAY_MS: the listener is closed, the slow request still open
      const afterDelay = await fetch(`${server.url}/api/health/live`).then(
        (r) => r.status,
        (e: Error) => (e.cause as NodeJS.ErrnoException | undefined)?.code ?? e.message,
      );
      expect(server.child.exitCode).toBeNull();
      slow.finish();
      const answer = await slow.answer;
      const exit = await exited;

      expect(whileDraining.status).toBe(503);
      expect(drainingBody).toMatchObject({ status: 'unavailable', draining: true, database: 'ok' });
      expect(liveWhileDraining).toBe(200);
      expect(afterDelay).toBe('ECONNREFUSED');
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ token: expect.any(String) });
      expect(exit.code).toBe(0);
      expect(exit.at - termAt).toBeLessThan(10_000);
      expect(server.output.join('')).toMatch(/SIGTERM: draining[\s\S]*stopped cleanly/);
      console.log(`graceful stop: exit ${exit.code} ${exit.at - termAt} ms after SIGTERM; ${/stopped cleanly in \d+ ms/.exec(server.output.join(''))?.[0]}`);
    }, 30_000);
  });

  describe('when the grace period runs out', () => {
    it('should exit 1 soon after SHUTDOWN_GRACE_MS while a request never finishes', async () => {
      const database = await createTestDatabase();
      const server = await spawnServer(sharedEnvironment(database.url, { LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '1500' }));
      try {
        const exited = new Promise<number | null>((resolve) => server.child.once('exit', (code) => resolve(code)));
        const stuck = slowPost(server.url, '/api/auth/dev-login', JSON.stringify({ nickname: '不结束' }));
        stuck.answer.catch(() => undefined);
        await sleep(200);
        const termAt = Date.now();
        server.child.kill('SIGTERM');
        const code = await exited;

        expect(code).toBe(1);
        expect(Date.now() - termAt).toBeGreaterThanOrEqual(1400);
        expect(Date.now() - termAt).toBeLessThan(5000);
        expect(server.output.join('')).toMatch(/grace period of 1500 ms ran out/);
      } finally {
        await server.kill();
        await database.drop();
      }
    }, 60_000);
  });

  describe('of the job runner', () => {
    const t = useTestApp();

    it('should claim nothing once draining and hand back the rows it still holds', async () => {
      const runner = t.app.get(JobRunner);
      let release!: () => void;
      const blocked = new Promise<void>((resolve) => (release = resolve));
      const started: number[] = [];
      runner.handle<{ n: number }>('test.slow', async (job) => {
        started.push(job.payload.n);
        await blocked;
      });
      await t.db.transaction(async (tx) => {
        for (const n of [1, 2, 3])
          await t.app.get(JobScheduler).schedule(tx, { type: 'test.slow', payload: { n }, dueAt: t.clock.now(), dedupeKey: `slow:${n}` });
      });
      const round = runner.runDue();
      while (started.length < 3) await sleep(10);

      t.app.get(AppLifecycle).startDraining();
      await t.db.transaction(async (tx) =>
        t.app.get(JobScheduler).schedule(tx, { type: 'test.slow', payload: { n: 4 }, dueAt: t.clock.now(), dedupeKey: 'slow:4' }),
      );
      expect(await runner.runDue()).toBe(0);
      expect(await t.app.get(AppLifecycle).releaseAllLeases()).toBe(3);
      const rows = await t.db.manager.find(JobEntity, { where: { type: 'test.slow' }, order: { id: 'ASC' } });
      expect(rows.map((r) => [r.status, r.lockedBy, r.lockedUntil])).toEqual([
        ['pending', null, null],
        ['pending', null, null],
        ['pending', null, null],
        ['pending', null, null],
      ]);
      release();
      await round;
    });
  });
});
