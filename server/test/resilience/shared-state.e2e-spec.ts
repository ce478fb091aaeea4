import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { api } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { TEST_REDIS_URL, redisCountersEnvironment, redisKeys } from '../support/test-redis';
import { inspectDatabase, sharedEnvironment, spawnServer, type ServerProcess } from './server-process';

// Real server processes on a shared machine: the limit guards against a hang, not a speed.
jest.setTimeout(120_000);

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const LIMIT = 5;
/** Each setup request comes from an address of its own, so only the burst counts against the limit. */
const anotherAddress = () => ({ 'x-forwarded-for': `10.1.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

/**
 * What the server processes of one deployment share beyond the database rows of a filing: the rate-limit counts
 * and session logouts (in Redis) and the simulators' controllable clock. Three processes on one database, each asked directly.
 */
describe('three server processes sharing rate limits and the simulated clock', () => {
  let database: TestDatabase;
  let env: Record<string, string>;
  const servers: ServerProcess[] = [];
  let ds: DataSource;
  let token: string;

  const advance = async (server: ServerProcess, ms: number): Promise<number> => {
    const answer = await api(server.url, token).post<{ now: string }>('/api/dev/clock/advance', { ms }, anotherAddress());
    if (answer.status !== 200) throw new Error(`clock advance answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return Date.parse(answer.body.now);
  };

  /** The process's time as a login shows it: the session ends SESSION_TTL_HOURS (default a week) after the login. */
  const timeOn = async (server: ServerProcess): Promise<number> => {
    const login = await api(server.url).post<{ expiresAt: string }>('/api/auth/dev-login', { nickname: `clock-${randomUUID().slice(0, 6)}` }, anotherAddress());
    return Date.parse(login.body.expiresAt) - 7 * DAY;
  };

  beforeAll(async () => {
    if (!TEST_REDIS_URL) console.log('TEST_REDIS_URL is not set: the processes count in the database and the burst in Redis is not tested');
    database = await createTestDatabase();
    env = sharedEnvironment(database.url, {
      CLOCK: 'controllable',
      TRUST_PROXY: 'true',
      RATE_LIMITS_ENABLED: 'true',
      RATE_LIMIT_REQUESTS_PER_MINUTE: String(LIMIT),
      // Far longer than the test: a session a process read is refused there only because the logout reached it.
      SESSION_CACHE_SECONDS: '300',
      ...(TEST_REDIS_URL ? redisCountersEnvironment(TEST_REDIS_URL) : { RATE_LIMIT_STORE: 'database' }),
    });
    // One after the other: the first one runs the migrations.
    for (let n = 0; n < 3; n++) servers.push(await spawnServer(env));
    ds = await inspectDatabase(database.url);
    const login = await api(servers[0]!.url).post<{ token: string }>(
      '/api/auth/dev-login',
      { nickname: `审核员-${randomUUID().slice(0, 6)}` },
      anotherAddress(),
    );
    token = login.body.token;
  }, 100_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await ds?.destroy();
    await database?.drop();
  });

  (TEST_REDIS_URL ? it : it.skip)('should let exactly the limit of a burst from one address through, spread over the three processes', async () => {
    // The burst starts a second into a minute of the simulated clock, moved on one process: all three count in that minute.
    const now = await advance(servers[0]!, 0);
    await advance(servers[0]!, 60_000 - (now % 60_000) + 1000);

    const burst = await Promise.all(Array.from({ length: 30 }, (_, n) => api(servers[n % 3]!.url).get('/api/orders', { 'x-forwarded-for': '10.9.9.9' })));

    expect(burst.filter((r) => r.status === 401)).toHaveLength(LIMIT);
    expect(burst.filter((r) => r.status === 429)).toHaveLength(30 - LIMIT);
    expect(new Set(burst.map((r) => r.status))).toEqual(new Set([401, 429]));
    expect((await redisKeys(env)).length).toBeGreaterThan(0);
    expect(await ds.query('SELECT bucket FROM rate_limit_windows')).toEqual([]);
  });

  it('should show every process the time one of them was moved to, and count fast-forwards made at once on different processes', async () => {
    const before = await timeOn(servers[1]!);
    const moved = await advance(servers[0]!, 5 * DAY);
    const seen = [await timeOn(servers[1]!), await timeOn(servers[2]!)];
    await Promise.all(Array.from({ length: 6 }, (_, n) => advance(servers[n % 3]!, HOUR)));
    const after = await timeOn(servers[2]!);

    expect(moved - before).toBeGreaterThanOrEqual(5 * DAY);
    for (const time of seen) expect(time).toBeGreaterThanOrEqual(moved);
    expect(after - seen[1]!).toBeGreaterThanOrEqual(6 * HOUR);
    expect(after - seen[1]!).toBeLessThan(7 * HOUR);
  });

  (TEST_REDIS_URL ? it : it.skip)('should refuse a token on every process once it is logged out on one of them, though each had read the session', async () => {
    const login = await api(servers[0]!.url).post<{ token: string }>(
      '/api/auth/dev-login',
      { nickname: `logout-${randomUUID().slice(0, 6)}` },
      anotherAddress(),
    );
    const me = (server: ServerProcess) => api(server.url, login.body.token).get('/api/auth/me', anotherAddress());
    expect((await Promise.all(servers.map(me))).map((r) => r.status)).toEqual([200, 200, 200]);

    expect((await api(servers[1]!.url, login.body.token).post('/api/auth/logout', {}, anotherAddress())).status).toBe(204);

    // The revocation travels through Redis: each process drops the session when the message arrives.
    for (const server of servers) {
      let status = 200;
      for (let attempt = 0; attempt < 50 && status === 200; attempt++) {
        if (attempt) await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await me(server)).status;
      }
      expect(status).toBe(401);
    }
  });
});
