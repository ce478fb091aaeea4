#!/usr/bin/env node
// Rate limiter cost (issues 11, 16): what counting every API request adds per request, in each store of
// RATE_LIMIT_STORE: memory (this process), database (rate_limit_windows: one upsert + one read in a transaction,
// before the route runs) and redis (one Lua script: INCR + PEXPIRE per bucket; BENCH_REDIS, default
// redis://127.0.0.1:6379, skipped when it does not answer). The built server on SQLite and on MariaDB, limits off
// and on in each store (limits far above the load, so nothing is refused), USERS applicants on one keep-alive connection each calling
// GET /api/auth/me (the session lookup alone: the cheapest authenticated route, so the limiter's share shows):
//   one at a time   a single connection, one request after another: the latency the limiter adds
//   many addresses  USERS connections, each its own X-Forwarded-For (TRUST_PROXY): a bucket row per caller, saturated
//   one address     USERS connections from one address: every request upserts the same row (the worst case)
// Server CPU per request is read from /proc. Then, on MariaDB, the limiter's statements alone on one connection
// (a transaction: upsert + read back), the counters table in InnoDB (what the database store uses: a durable commit
// each) and in MEMORY (no durable commit, but no transaction either: parallel upserts and read-backs interleave, so the
// server cannot count exactly with it), and the Redis script alone. The machine may be shared: figures move with its
// load (the load average is printed at the start and at each run).
import { loadavg } from 'node:os';
import {
  cpuSeconds,
  serverRequire,
  createMariaDb,
  devLogin,
  inBatches,
  machine,
  main,
  runAutocannon,
  startBeianServer,
  summarize,
} from './support/bench-kit.mjs';

const USERS = Number(process.env.BENCH_USERS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const WARM_UP_SECONDS = 2;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').split(',').filter(Boolean);
const KEY = Buffer.alloc(32, 7).toString('base64');
const FAR_ABOVE = '100000000';

const HITS = Number(process.env.BENCH_HITS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const REDIS_URL = process.env.BENCH_REDIS ?? 'redis://127.0.0.1:6379';
const REDIS_PREFIX = `beian-bench-${process.pid}:`;

const LOADS = {
  'one at a time': (users) => ({ users: users.slice(0, 1), spread: true }),
  'many addresses': (users) => ({ users, spread: true }),
  'one address': (users) => ({ users, spread: false }),
};

async function measure(server, { users, spread }) {
  let next = 0;
  const load = {
    url: server.url,
    connections: users.length,
    setupClient(client) {
      const index = next++ % users.length;
      client.setHeaders({ authorization: `Bearer ${users[index].token}`, ...(spread ? { 'x-forwarded-for': `10.0.${index >> 8}.${index & 255}` } : {}) });
      client.setRequests([{ method: 'GET', path: '/api/auth/me' }]);
    },
  };
  await runAutocannon({ ...load, duration: WARM_UP_SECONDS });
  const cpuBefore = cpuSeconds(server.pid);
  const result = await runAutocannon({ ...load, duration: SECONDS });
  const cpuMsPerRequest = ((cpuSeconds(server.pid) - cpuBefore) * 1000) / Math.max(1, result.requests.total);
  return { result, cpuMsPerRequest };
}

async function redisAnswers() {
  const { Redis } = serverRequire('ioredis');
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => undefined);
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

async function startServer(database, store) {
  const env = {
    FIELD_ENCRYPTION_KEYS: `v1:${KEY}`,
    TRUST_PROXY: 'true',
    RATE_LIMITS_ENABLED: store === 'off' ? 'false' : 'true',
    ...(store === 'off' ? {} : { RATE_LIMIT_STORE: store }),
    ...(store === 'redis' ? { REDIS_URL, REDIS_KEY_PREFIX: REDIS_PREFIX } : {}),
    RATE_LIMIT_REQUESTS_PER_MINUTE: FAR_ABOVE,
    RATE_LIMIT_LOGINS_PER_MINUTE: FAR_ABOVE,
    ...(database === 'mariadb' ? { DATABASE_URL: (await createMariaDb(`ratelimit_${store}`)).replace(/^mysql:/, 'mariadb:') } : {}),
  };
  const server = await startBeianServer(env);
  const users = await inBatches(
    Array.from({ length: USERS }, (_, i) => i),
    10,
    async (i) => ({ token: (await devLogin(server.url, `bench-rl-${i}`)).token }),
  );
  return { server, users };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * One server per store (and one with limits off) on the database, all up at once; each round measures every load on
 * every store in turn, so a change in the machine's load touches them alike. Each figure is the median of the rounds.
 */
async function runDatabase(database, stores) {
  const all = ['off', ...stores];
  const servers = {};
  for (const store of all) servers[store] = await startServer(database, store);
  const runs = {};
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, loadOf] of Object.entries(LOADS)) {
      for (const store of all) {
        const { server, users } = servers[store];
        const measured = await measure(server, loadOf(users));
        (runs[`${name} ${store}`] ??= []).push(measured);
        console.log(
          summarize(
            `${database} ${name}, ${store === 'off' ? 'limits off' : `counted in ${store}`}, round ${round}`,
            measured.result,
            ` | server CPU ${measured.cpuMsPerRequest.toFixed(3)} ms/req | load ${loadavg()[0].toFixed(1)}`,
          ),
        );
      }
    }
  }
  for (const { server } of Object.values(servers)) await server.stop();
  const figure = (key) => ({
    mean: median(runs[key].map((m) => m.result.latency.mean)),
    p99: median(runs[key].map((m) => m.result.latency.p99)),
    rps: median(runs[key].map((m) => m.result.requests.average)),
    cpu: median(runs[key].map((m) => m.cpuMsPerRequest)),
  });
  console.log(`  ${database}: medians of ${ROUNDS} rounds`);
  for (const name of Object.keys(LOADS)) {
    const off = figure(`${name} off`);
    console.log(
      `  ${database} ${name.padEnd(15)} limits off: mean ${off.mean.toFixed(2)} ms, p99 ${off.p99} ms, ${Math.round(off.rps)} req/s, server CPU ${off.cpu.toFixed(3)} ms/req`,
    );
    for (const store of stores) {
      const on = figure(`${name} ${store}`);
      console.log(
        `  ${database} ${name.padEnd(15)} ${store.padEnd(8)} mean ${on.mean.toFixed(2)} ms (${(on.mean - off.mean).toFixed(2)} ms), p99 ${on.p99} ms, ` +
          `${Math.round(on.rps)} req/s (×${(on.rps / off.rps).toFixed(2)} of limits off), server CPU ${on.cpu.toFixed(3)} ms/req (${(on.cpu - off.cpu).toFixed(3)})`,
      );
    }
  }
}

/** The Redis store's script for one bucket, HITS times on one connection. */
async function redisScriptAlone() {
  const { Redis } = serverRequire('ioredis');
  const { RedisRateLimitCounters } = serverRequire('./dist/platform/http/redis.rate-limit-counters.js');
  const redis = new Redis(REDIS_URL, { lazyConnect: true });
  await redis.connect();
  const counters = new RedisRateLimitCounters(redis, `${REDIS_PREFIX}alone:`);
  try {
    const started = performance.now();
    for (let i = 0; i < HITS; i++) await counters.add([{ bucket: `caller-${i % USERS}`, windowIndex: 1, endsAt: Date.now() + 60_000 }], Date.now());
    console.log(`  redis script alone            ${((performance.now() - started) / HITS).toFixed(3)} ms per counted request (${HITS} on one connection)`);
  } finally {
    redis.disconnect();
  }
}

/** The limiter's transaction for one bucket, HITS times on one connection, per engine of the counters table. */
async function statementsAlone() {
  const mysql = serverRequire('mysql2/promise');
  const connection = await mysql.createConnection(await createMariaDb('ratelimit_statements'));
  try {
    for (const engine of ['InnoDB', 'MEMORY']) {
      await connection.query('DROP TABLE IF EXISTS counters');
      await connection.query(
        `CREATE TABLE counters (bucket varchar(64) NOT NULL PRIMARY KEY, window_index int NOT NULL, hits int NOT NULL, expires_at datetime(3) NOT NULL) ENGINE=${engine}`,
      );
      const started = performance.now();
      for (let i = 0; i < HITS; i++) {
        const bucket = `caller-${i % USERS}`;
        await connection.query('START TRANSACTION');
        await connection.query(
          `INSERT INTO counters (bucket, window_index, hits, expires_at) VALUES (?, 1, 1, ?)
           ON DUPLICATE KEY UPDATE hits = IF(window_index >= VALUES(window_index), hits + 1, 1), window_index = GREATEST(window_index, VALUES(window_index)), expires_at = GREATEST(expires_at, VALUES(expires_at))`,
          [bucket, new Date()],
        );
        await connection.query('SELECT bucket, hits FROM counters WHERE bucket IN (?)', [bucket]);
        await connection.query('COMMIT');
      }
      console.log(
        `  mariadb statements alone, ${engine.padEnd(6)} ${((performance.now() - started) / HITS).toFixed(3)} ms per counted request (${HITS} on one connection)`,
      );
    }
  } finally {
    await connection.end();
  }
}

main(async () => {
  console.log(
    `Rate limiter cost: GET /api/auth/me, ${USERS} applicants, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up, ${ROUNDS} rounds; ${machine()}`,
  );
  const redis = await redisAnswers();
  if (!redis) console.log(`  no Redis answers at ${REDIS_URL}: the Redis store is not measured`);
  const stores = ['memory', 'database', ...(redis ? ['redis'] : [])];
  for (const database of DATABASES) await runDatabase(database, stores);
  if (DATABASES.includes('mariadb')) await statementsAlone();
  if (redis) await redisScriptAlone();
});
