import { randomUUID } from 'node:crypto';
import type { FilingSubjectDetail } from '@beian/shared';
import { freshPersonId } from '@beian/shared/testing';
import { fileHere } from '../support/filing-record.fixtures';
import { freshMobile } from '../support/filing-flow';
import { api, devLogin, startTestApp, useTestApp, type TestApp } from '../support/test-app';
import { TEST_REDIS_URL, redisCountersEnvironment, redisKeys } from '../support/test-redis';

const LIMITS = {
  RATE_LIMITS_ENABLED: 'true',
  RATE_LIMIT_REQUESTS_PER_MINUTE: '100000',
  RATE_LIMIT_LOGINS_PER_MINUTE: '4',
  RATE_LIMIT_SMS_PER_HOUR: '2',
  RATE_LIMIT_SMS_GLOBAL_PER_MINUTE: '100000',
  RATE_LIMIT_UPLOADS_PER_HOUR: '2',
  RATE_LIMIT_DRAFT_SAVES_PER_MINUTE: '3',
  RATE_LIMIT_FOOTER_CHECKS_PER_HOUR: '2',
};

/** The stores every process shares: the database always, Redis when the run has one. */
const SHARED_STORES: { store: string; env: Record<string, string> }[] = [
  { store: 'database', env: { RATE_LIMIT_STORE: 'database' } },
  ...(TEST_REDIS_URL ? [{ store: 'redis', env: redisCountersEnvironment(TEST_REDIS_URL) }] : []),
];
if (!TEST_REDIS_URL) console.log('TEST_REDIS_URL is not set: the rate limits counted in Redis are not tested in this run');

const login = (base: string) => api(base).post('/api/auth/dev-login', { nickname: `rl-${randomUUID().slice(0, 8)}` });

describe.each(SHARED_STORES)('hardening: rate limits shared by every server process, counted in the $store', ({ store, env }) => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp({ ...LIMITS, ...env });
    b = await startTestApp({ ...LIMITS, ...env }, a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });
  // Each test starts in a window of its own: both processes' clocks move on past every window.
  beforeEach(() => {
    for (const t of [a, b]) t.clock.advance(2 * 3600_000);
  });

  it('should refuse the fifth login from one address when the limit is four, counted across both processes', async () => {
    const first = [await login(a.url), await login(b.url), await login(a.url), await login(b.url)];
    const fifth = await login(b.url);

    expect(first.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(fifth.status).toBe(429);
    expect(fifth.body.code).toBe('RATE_LIMITED');
    expect(fifth.body.message).toMatch(/^操作过于频繁，请 \d+ 秒后再试$/);
    expect(fifth.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(fifth.body.details.retryAfterSeconds).toBeLessThanOrEqual(60);
  });

  it('should let exactly four of twelve parallel logins through on the two processes together', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => login(i % 2 ? a.url : b.url)));

    expect(answers.filter((r) => r.status === 200)).toHaveLength(4);
    expect(answers.filter((r) => r.status === 429)).toHaveLength(8);
  });

  it('should answer Retry-After in the header, and let logins through again once the window has passed', async () => {
    for (let i = 0; i < 4; i++) await login(a.url);
    const refused = await fetch(`${a.url}/api/auth/dev-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ nickname: 'rl-header' }),
    });
    const body = (await refused.json()) as { details: { retryAfterSeconds: number } };

    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(body.details.retryAfterSeconds));
    for (const t of [a, b]) t.clock.advance(body.details.retryAfterSeconds * 1000);
    expect((await login(b.url)).status).toBe(200);
  });

  it('should refuse a session its third SMS code in an hour, on either process, to different mobiles', async () => {
    const { token } = await devLogin(a.url, `rl-sms-${randomUUID().slice(0, 8)}`);
    const send = (base: string) => api(base, token).post('/api/sms/codes', { mobile: freshMobile(), purpose: 'principal_mobile' });

    const sent = [await send(a.url), await send(b.url)];
    const third = await send(a.url);

    expect(sent.map((r) => r.status)).toEqual([201, 201]);
    expect(third.status).toBe(429);
    expect(third.body.code).toBe('RATE_LIMITED');
    expect(third.body.details.retryAfterSeconds).toBeGreaterThan(60);
    expect(third.body.message).toMatch(/^操作过于频繁，请 \d+ 分钟后再试$/);
  });

  it('should count draft saves and uploads per session: another applicant keeps its own allowance', async () => {
    const first = await devLogin(a.url, `rl-d1-${randomUUID().slice(0, 8)}`);
    const second = await devLogin(b.url, `rl-d2-${randomUUID().slice(0, 8)}`);
    const orderOf = async (client: ReturnType<typeof api>) =>
      (await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id as string;
    const [mine, theirs] = [await orderOf(first.client), await orderOf(second.client)];
    const save = (base: string, token: string, orderId: string, remark: string) =>
      api(base, token)
        .get(`/api/orders/${orderId}`)
        .then((order) => api(base, token).patch(`/api/orders/${orderId}/draft`, { version: order.body.version, draft: { subject: { remark } } }));
    const upload = (base: string, token: string, orderId: string) =>
      api(base, token).post(`/api/orders/${orderId}/uploads`, { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg', size: 1000 });

    const saves = [await save(a.url, first.token, mine, '1'), await save(b.url, first.token, mine, '2'), await save(a.url, first.token, mine, '3')];
    const fourth = await save(b.url, first.token, mine, '4');
    const uploads = [await upload(a.url, first.token, mine), await upload(b.url, first.token, mine), await upload(a.url, first.token, mine)];

    expect(saves.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(fourth.status).toBe(429);
    expect(uploads.map((r) => r.status === 429)).toEqual([false, false, true]);
    expect((await save(a.url, second.token, theirs, 'x')).status).toBe(200);
    expect((await upload(b.url, second.token, theirs)).status).not.toBe(429);
  });

  it("should refuse an account its third footer check in an hour, whichever session or process asks, in Chinese, and not another account's", async () => {
    const nickname = `rl-footer-${randomUUID().slice(0, 8)}`;
    const [first, second, stranger] = [
      await devLogin(a.url, nickname),
      await devLogin(b.url, nickname),
      await devLogin(a.url, `rl-f2-${randomUUID().slice(0, 8)}`),
    ];
    const websiteOf = async (owner: typeof first) => {
      const { subjectId } = await fileHere(a, {
        ownerId: owner.user.id,
        certificateNumber: freshPersonId(),
        subjectIcpNumber: `京ICP备${randomUUID().replace(/\D/g, '').slice(0, 10)}号`,
        nature: 'personal',
        services: [{ name: 'footer-check.invalid' }],
      });
      return (await owner.client.get<FilingSubjectDetail>(`/api/filings/subjects/${subjectId}`)).body.services[0]!.id;
    };
    const [mine, theirs] = [await websiteOf(first), await websiteOf(stranger)];
    const check = (base: string, token: string, serviceId: string) => api(base, token).post(`/api/filings/services/${serviceId}/footer-check`);

    const allowed = [await check(a.url, first.token, mine), await check(b.url, second.token, mine)];
    const third = await fetch(`${a.url}/api/filings/services/${mine}/footer-check`, { method: 'POST', headers: { authorization: `Bearer ${second.token}` } });
    const body = (await third.json()) as { code: string; message: string; details: { retryAfterSeconds: number } };

    expect(first.user.id).toBe(second.user.id);
    expect(allowed.map((r) => r.status)).toEqual([200, 200]);
    expect(third.status).toBe(429);
    expect(third.headers.get('retry-after')).toBe(String(body.details.retryAfterSeconds));
    expect(body).toMatchObject({ code: 'RATE_LIMITED', message: expect.stringMatching(/^网站底部检查过于频繁，请 \d+ 分钟后再试$/) });
    expect((await check(b.url, stranger.token, theirs)).status).toBe(200);
  });

  it('should keep neither addresses nor tokens in the counters', async () => {
    const rows = await a.db.rows<{ bucket: string }>('SELECT bucket FROM rate_limit_windows', []);
    const keys = store === 'redis' ? await redisKeys(env) : [];
    const counters = store === 'redis' ? keys.map((key) => key.slice(env.REDIS_KEY_PREFIX!.length)) : rows.map((row) => row.bucket);

    expect(counters.length).toBeGreaterThan(0);
    for (const counter of counters) expect(counter).toMatch(store === 'redis' ? /^rate-limit:\{[0-9a-f]{64}\}:\d+$/ : /^[0-9a-f]{64}$/);
    expect(rows.length).toBe(store === 'redis' ? 0 : counters.length);
  });
});

const EVERY_STORE = [
  { store: 'memory', env: { RATE_LIMIT_STORE: 'memory' } },
  { store: 'database', env: { RATE_LIMIT_STORE: 'database' } },
  ...(TEST_REDIS_URL ? [{ store: 'redis', env: redisCountersEnvironment(TEST_REDIS_URL) }] : []),
];

describe.each(EVERY_STORE)('hardening: the limit on every request, counted in the $store', ({ env }) => {
  const t = useTestApp({ RATE_LIMITS_ENABLED: 'true', RATE_LIMIT_REQUESTS_PER_MINUTE: '5', ...env });

  it('should refuse the sixth request in a minute from one address, whatever the route, but never the health checks', async () => {
    const client = api(t.url);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await client.get(i % 2 ? '/api/auth/me' : '/api/orders'));

    expect(answers.slice(0, 5).map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]!.status).toBe(429);
    expect((await client.get('/api/health/ready')).status).toBe(200);
  });

  it('should let exactly the limit of a burst through, and count afresh in the next minute', async () => {
    t.clock.advance(60_000);
    const burst = await Promise.all(Array.from({ length: 20 }, () => api(t.url).get('/api/orders')));
    t.clock.advance(60_000);

    expect(burst.filter((r) => r.status === 401)).toHaveLength(5);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(15);
    expect((await api(t.url).get('/api/orders')).status).toBe(401);
  });
});

describe('hardening: rate limits when Redis cannot be reached', () => {
  // Nothing listens on port 1: the server starts, and every count fails at once.
  const t = useTestApp({ RATE_LIMITS_ENABLED: 'true', RATE_LIMIT_REQUESTS_PER_MINUTE: '1', RATE_LIMIT_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:1' });

  it('should let requests go on uncounted and say so in the log, rather than refuse or hold them', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await api(t.url).get('/api/orders'));

    expect(answers.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(t.logLines.filter((line) => line.includes('rate limit not counted')).length).toBeGreaterThanOrEqual(3);
  });
});
