import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { DataSource } from 'typeorm';
import { JobEntity } from '../../src/jobs/job.entity';
import { OrderHistoryEntity } from '../../src/order-core/order-history.entity';
import { OutboxMessageEntity } from '../../src/outbox/outbox-message.entity';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { devLogin } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REDIS_URL, redisCountersEnvironment, redisKeys } from '../support/test-redis';
import { checkConsistency, checkWechatSends, drained, preparedOrder, wechatEnvironment, type PreparedOrder } from './burst.support';
import { startLoadBalancer, type LoadBalancer } from './load-balancer';
import { inspectDatabase, sharedEnvironment, spawnServer, waitUntil, type ServerProcess } from './server-process';

// Real server processes and a balancer on a shared machine: the limit guards against a hang, not a speed.
jest.setTimeout(240_000);

const ORDERS = 12;
/** The mini-program's pauses before it sends a cut-off request again (miniapp/src/services/request.ts). */
const MINI_PROGRAM_RETRY_PAUSES_MS = [300, 1000];
/** lastSixForSms of the fixtures' ID number. */
const CERT_LAST_SIX = '31002X';
const AT_REGULATOR = ['submit', 'approve_initial', 'submit_to_regulator', 'sms_verified'];
const onMysql = Boolean(process.env.TEST_MYSQL_URL);
const FAR_ABOVE = '100000000';
/** The limits on, far above this load, counted in Redis: every request of the journey goes through the shared counters. */
const REDIS_COUNTED_LIMITS: Record<string, string> = TEST_REDIS_URL
  ? {
      ...redisCountersEnvironment(TEST_REDIS_URL),
      RATE_LIMITS_ENABLED: 'true',
      ...Object.fromEntries(['REQUESTS', 'LOGINS', 'SMS_GLOBAL', 'DRAFT_SAVES'].map((limit) => [`RATE_LIMIT_${limit}_PER_MINUTE`, FAR_ABOVE])),
      ...Object.fromEntries(['SMS', 'UPLOADS', 'FOOTER_CHECKS'].map((limit) => [`RATE_LIMIT_${limit}_PER_HOUR`, FAR_ABOVE])),
    }
  : {};

interface Answer {
  requestId: string;
  step: string;
  /** 0: the connection to the balancer closed without an answer. */
  status: number;
  /** The process that answered (`x-backend` set by the balancer), or the client's error. */
  backend: string;
  body: { code?: string; status?: string } & Record<string, unknown>;
  retried: boolean;
}

const cutOff = (a: Answer) => a.status === 0 || a.status >= 500;

/**
 * One request on a connection of its own, as a phone opens them: a pooled keep-alive connection the balancer
 * already closed would fail before the request reached it, which says nothing about the servers.
 */
function request(url: string, method: string, options: { headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; headers: Record<string, string | undefined>; json: unknown }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers: options.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json: unknown = res.headers['content-type']?.includes('json') && text ? JSON.parse(text) : {};
        resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string | undefined>, json });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * The provider's shape: three stateless processes on one MariaDB behind haproxy. The after-submission path of every
 * order (submit, 初审 approval, the 管局's SMS read from the simulator and verified) goes round robin through the
 * balancer while one process is killed (SIGKILL) and then another stopped (SIGTERM).
 */
(onMysql ? describe : describe.skip)('three server processes on one MariaDB behind haproxy', () => {
  const wechat = new FakeWechatServer();
  let database: TestDatabase;
  const servers: ServerProcess[] = [];
  let balancer: LoadBalancer;
  let ds: DataSource;
  let env: Record<string, string>;

  beforeAll(async () => {
    if (!TEST_REDIS_URL) console.log('TEST_REDIS_URL is not set: the three processes run without rate limits');
    await wechat.start();
    database = await createTestDatabase();
    env = sharedEnvironment(database.url, {
      ...REDIS_COUNTED_LIMITS,
      ...wechatEnvironment(wechat),
      WORKER_LEASE_MS: '1500',
      WORKER_RETRY_BASE_MS: '200',
      SHUTDOWN_DELAY_MS: '2000',
      SHUTDOWN_GRACE_MS: '15000',
      REGULATOR_SIM_RESULT_DELAY_MS: '0',
    });
    // One after the other (the first one runs the migrations).
    servers.push(await spawnServer(env));
    servers.push(await spawnServer(env));
    servers.push(await spawnServer(env));
    balancer = await startLoadBalancer(servers.map((s, n) => ({ name: `p${n + 1}`, url: s.url })));
    await waitUntil('the balancer sees the three processes ready', async () => {
      const seen = new Set<string>();
      for (let n = 0; n < 6; n++) {
        const res = await fetch(`${balancer.url}/api/health/ready`).catch(() => null);
        if (res?.ok) seen.add(res.headers.get('x-backend') ?? '');
      }
      return seen.size === 3;
    });
    ds = await inspectDatabase(database.url);
  }, 200_000);
  afterAll(async () => {
    await balancer?.stop();
    await Promise.all(servers.map((s) => s.stop()));
    await ds?.destroy();
    await database?.drop();
    await wechat.stop();
  });

  it('should lose and duplicate nothing, and fail no request but those cut off in the killed process, when one process is killed and one stopped', async () => {
    const [killed, stopped, survivor] = servers as [ServerProcess, ServerProcess, ServerProcess];
    const orders: PreparedOrder[] = await Promise.all(Array.from({ length: ORDERS }, () => preparedOrder(balancer.url, wechat)));
    const reviewerToken = (await devLogin(balancer.url, `审核员-${randomUUID().slice(0, 6)}`)).token;
    const answers: Answer[] = [];
    let writes = 0;
    let stopping = Promise.resolve();

    const send = async (step: string, method: string, path: string, token: string | null, body?: unknown, key?: string, retried = false): Promise<Answer> => {
      const requestId = `${step}-${/orders\/([0-9a-f]{8})/.exec(path)?.[1] ?? ''}-${randomUUID()}`;
      const res = await request(`${balancer.url}${path}`, method, {
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(key ? { 'idempotency-key': key } : {}),
          'x-request-id': requestId,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).catch((error: unknown) => new Error(String(error)));
      const answer: Answer =
        res instanceof Error
          ? { requestId, step, status: 0, backend: res.message, body: {}, retried }
          : { requestId, step, status: res.status, backend: res.headers['x-backend'] ?? '', body: res.json as Answer['body'], retried };
      answers.push(answer);
      return answer;
    };
    /**
     * A write cut off by the kill is sent again with the same idempotency key after the mini-program's pauses (its
     * request client does so on a lost connection or a balancer's 502/503/504).
     */
    const write = async (step: string, path: string, token: string | null, body: unknown = {}): Promise<Answer> => {
      const key = randomUUID();
      let answer = await send(step, 'POST', path, token, body, key);
      writes++;
      if (writes === ORDERS) void killed.kill();
      if (writes === 2 * ORDERS) stopping = stopped.stop();
      for (const pause of MINI_PROGRAM_RETRY_PAUSES_MS) {
        if (!cutOff(answer)) break;
        await new Promise((resolve) => setTimeout(resolve, pause));
        answer = await send(step, 'POST', path, token, body, key, true);
      }
      return answer;
    };
    const reaches = (order: PreparedOrder, status: string) =>
      waitUntil(
        `${order.orderId} reaches ${status}`,
        async () => (await send('progress', 'GET', `/api/orders/${order.orderId}/progress`, order.token)).body.status === status,
      ).catch(async (error: unknown) => {
        const history = await ds.manager.find(OrderHistoryEntity, {
          select: { event: true, toStatus: true },
          where: { orderId: order.orderId },
          order: { id: 'ASC' },
        });
        const jobs = (await ds.manager.find(JobEntity, {})).filter((j) => j.payload.includes(order.orderId));
        const asked = answers.filter((a) => a.requestId.includes(order.orderId.slice(0, 8)) && a.step !== 'progress');
        throw new Error(
          `${String(error)}\nhistory: ${JSON.stringify(history)}\njobs: ${JSON.stringify(jobs.map((j) => [j.type, j.status, j.attempts, j.lastError, j.lockedBy]))}` +
            `\nanswers: ${JSON.stringify(asked.map((a) => [a.step, a.status, a.backend, a.retried, a.body.code]))}` +
            `\nprocess output: ${servers.map((s, n) => `p${n + 1}: ${s.output.join('').slice(-3000)}`).join('\n')}`,
        );
      });

    await Promise.all(
      orders.map(async (order) => {
        await write('submit', `/api/orders/${order.orderId}/submit`, order.token);
        await write('approve', `/api/review/orders/${order.orderId}/approve`, reviewerToken);
        await reaches(order, 'sms_verification');
        // The 管局's SMS goes out in a job of its own, soon after the order reaches sms_verification.
        let code = '';
        await waitUntil(`the SMS of ${order.orderId} is sent`, async () => {
          const sent = await send('sms-search', 'POST', '/api/regulator-sim/sms/search', order.token, { mobile: order.mobile });
          code = /验证码为 (\d{6})/.exec(Array.isArray(sent.body) ? ((sent.body as { text: string }[]).at(-1)?.text ?? '') : '')?.[1] ?? '';
          return code !== '';
        });
        await write('sms-verify', '/api/regulator-sim/sms-verify', null, { mobile: order.mobile, code, certLastSix: CERT_LAST_SIX });
        await reaches(order, 'regulator_review');
      }),
    );
    await stopping;
    await waitUntil('the surviving process drained the outbox and the due jobs', () => drained(ds));
    await waitUntil('the WeChat sends settled', async () => (await checkWechatSends(ds, wechat, orders, { allowUnknown: true })).problems.length === 0, 10_000);

    const consistency = await checkConsistency(ds, orders);
    const sends = await checkWechatSends(ds, wechat, orders, { allowUnknown: true });
    const outbox = await ds.manager.findBy(OutboxMessageEntity, {});
    const failed = answers.filter(cutOff);
    const refused = answers.filter((a) => a.status >= 400 && a.status < 500);
    console.log(
      `three processes behind haproxy: ${ORDERS} orders, ${answers.length} requests (${['p1', 'p2', 'p3'].map((p) => `${p}: ${answers.filter((a) => a.backend === p).length}`).join(', ')}); ` +
        `${failed.length} cut off in the killed process, ` +
        `${answers.filter((a) => a.retried).length} writes retried, ${refused.length} retries refused as already done; ` +
        `${consistency.transitions} transitions, ${consistency.outboxRows} outbox rows, ${consistency.messages} messages, ` +
        `${sends.sends} WeChat sends (${sends.unknown} cut off mid-call), ${wechat.tokenCalls.length} stable_token call(s) for the three processes; ` +
        `balancer log: ${balancer.logFile}`,
    );
    // The only requests without an answer were in the killed process (the balancer's 502 names it: a retry may still
    // reach it while it dies); none failed during the graceful stop.
    expect(failed.filter((a) => a.status !== 502 || a.backend !== 'p1')).toEqual([]);
    // Only a retry of a write the killed process had committed is refused (the move already made, the code already used).
    expect(refused.map((a) => [a.step, a.retried, a.body.code])).toEqual(
      refused.map((a) => [a.step, true, a.step === 'sms-verify' ? 'SMS_VERIFICATION_NOT_FOUND' : 'TRANSITION_NOT_ALLOWED']),
    );
    expect(stopped.child.exitCode).toBe(0);
    expect(survivor.child.exitCode).toBeNull();
    expect(orders.map((o) => consistency.events.get(o.orderId)?.slice(0, AT_REGULATOR.length))).toEqual(orders.map(() => AT_REGULATOR));
    expect(consistency.problems).toEqual([]);
    expect(sends.problems).toEqual([]);
    expect(outbox.filter((m) => m.status !== 'sent')).toEqual([]);
    if (TEST_REDIS_URL) expect((await redisKeys(env)).length).toBeGreaterThan(0);
    expect(await ds.query('SELECT bucket FROM rate_limit_windows')).toEqual([]);
  });
});
