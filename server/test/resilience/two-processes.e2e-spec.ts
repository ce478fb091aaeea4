import { readFileSync } from 'node:fs';
import type { DataSource } from 'typeorm';
import { JobEntity } from '../../src/jobs/job.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { checkConsistency, checkWechatSends, drained, preparedOrder, reviewerOn, wechatEnvironment, type PreparedOrder } from './burst.support';
import { inspectDatabase, sharedEnvironment, spawnServer, waitUntil, type ServerProcess } from './server-process';

// Real server processes on a shared machine: the limit guards against a hang, not a speed.
jest.setTimeout(150_000);

const ORDERS = 24;
const onMysql = Boolean(process.env.TEST_MYSQL_URL);

function twoProcessesOnMysql() {
  describe('two server processes on one MariaDB', () => {
    const wechat = new FakeWechatServer();
    let database: TestDatabase;
    const servers: ServerProcess[] = [];
    let ds: DataSource;

    beforeAll(async () => {
      await wechat.start();
      database = await createTestDatabase();
      const env = sharedEnvironment(database.url, wechatEnvironment(wechat));
      // One after the other: the first one runs the migrations.
      servers.push(await spawnServer(env));
      servers.push(await spawnServer(env));
      ds = await inspectDatabase(database.url);
    }, 90_000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await ds?.destroy();
      await database?.drop();
      await wechat.stop();
    });

    it('should run every job once and deliver every message exactly once when both processes take a burst of transitions', async () => {
      const [a, b] = servers as [ServerProcess, ServerProcess];
      const orders: PreparedOrder[] = await Promise.all(Array.from({ length: ORDERS }, (_, n) => preparedOrder((n % 2 ? b : a).url, wechat)));
      const reviewers = [await reviewerOn(a.url), await reviewerOn(b.url)];

      const submits = await Promise.all(orders.map((o) => o.client.post(`/api/orders/${o.orderId}/submit`)));
      const approvals = await Promise.all(orders.map((o, n) => reviewers[n % 2]!.post(`/api/review/orders/${o.orderId}/approve`)));
      await waitUntil(
        'both processes drained the outbox and the due jobs',
        async () => (await drained(ds)) && (await ds.manager.countBy(JobEntity, { type: 'regulator.submit', status: 'done' })) === ORDERS,
      );
      await waitUntil('every message went out', async () => (await checkWechatSends(ds, wechat, orders)).sends === ORDERS * 3, 10_000);

      const consistency = await checkConsistency(ds, orders);
      const sends = await checkWechatSends(ds, wechat, orders);
      const jobs = await ds.manager.find(JobEntity, {});
      const outbox = await ds.manager.find(OutboxMessageEntity, {});
      console.log(
        `two processes: ${ORDERS} orders, ${submits.length} submits + ${approvals.length} approvals over HTTP (half on each process), ` +
          `${consistency.transitions} transitions, ${consistency.outboxRows} outbox rows, ${consistency.messages} messages, ${sends.sends} WeChat sends, ` +
          `${jobs.filter((j) => j.status === 'done').length} jobs run`,
      );
      expect(submits.map((r) => r.status)).toEqual(orders.map(() => 200));
      expect(approvals.map((r) => r.status)).toEqual(orders.map(() => 200));
      expect(consistency.problems).toEqual([]);
      expect([...consistency.events.values()]).toEqual(orders.map(() => ['submit', 'approve_initial', 'submit_to_regulator']));
      expect(sends.problems).toEqual([]);
      expect(sends.sends).toBe(ORDERS * 3);
      expect(outbox.map((m) => [m.status, m.attempts])).toEqual(outbox.map(() => ['sent', 1]));
      const due = jobs.filter((j) => j.dueAt.getTime() <= Date.now());
      expect(due.map((j) => [j.type, j.status, j.attempts])).toEqual(due.map((j) => [j.type, 'done', 1]));
      expect(due.filter((j) => j.type === 'regulator.submit')).toHaveLength(ORDERS);
    });
  });
}

/**
 * Sharing the work between processes needs row locks (`FOR UPDATE SKIP LOCKED`), which SQLite does not have: on
 * SQLite one process runs the workers, the holder of the runner lock, and another takes over when it dies.
 */
function singleRunnerOnSqlite() {
  describe('two server processes on one SQLite file', () => {
    const wechat = new FakeWechatServer();
    let database: TestDatabase;
    const servers: ServerProcess[] = [];
    let ds: DataSource;

    beforeAll(async () => {
      console.log('two processes sharing the outbox and jobs apply to MySQL/MariaDB only (SKIP LOCKED); on SQLite one process runs them, checked here');
      await wechat.start();
      database = await createTestDatabase();
      const env = sharedEnvironment(database.url, wechatEnvironment(wechat));
      servers.push(await spawnServer(env));
      servers.push(await spawnServer(env));
      ds = await inspectDatabase(database.url);
    }, 90_000);
    afterAll(async () => {
      await Promise.all(servers.map((s) => s.stop()));
      await ds?.destroy();
      await wechat.stop();
    });

    const lockHolder = () => {
      try {
        return Number(readFileSync(`${database.url.slice('sqlite:'.length)}.runner-lock`, 'utf8'));
      } catch {
        return null;
      }
    };

    it('should let only the lock holder run the workers while the other process stands by, and hand over when the holder dies', async () => {
      const pids = servers.map((s) => s.child.pid);
      await waitUntil('a process holds the runner lock', async () => pids.includes(lockHolder() ?? -1), 10_000);
      const holder = servers.find((s) => s.child.pid === lockHolder())!;
      const other = servers.find((s) => s !== holder)!;
      // Writes go to one process at a time: SQLite answers "database is locked" to a second process writing at once.
      const submitThrough = async (server: ServerProcess) => {
        const orders: PreparedOrder[] = [];
        for (let n = 0; n < 4; n++) orders.push(await preparedOrder(server.url, wechat));
        for (const o of orders) expect((await o.client.post(`/api/orders/${o.orderId}/submit`)).status).toBe(200);
        await waitUntil('the outbox is drained', () => drained(ds));
        return orders;
      };

      const first = await submitThrough(holder);
      const holderBefore = lockHolder();
      await holder.kill();
      const second = await submitThrough(other);
      await waitUntil('every message went out', async () => (await checkWechatSends(ds, wechat, [...first, ...second])).sends === 8, 10_000);

      expect(holderBefore).toBe(holder.child.pid);
      expect(lockHolder()).toBe(other.child.pid);
      expect((await checkConsistency(ds, [...first, ...second])).problems).toEqual([]);
      expect((await checkWechatSends(ds, wechat, [...first, ...second])).problems).toEqual([]);
    });
  });
}

if (onMysql) twoProcessesOnMysql();
else singleRunnerOnSqlite();
