#!/usr/bin/env node
// Rate limiter cost (issue 11): what counting every API request in rate_limit_windows (one upsert + one read in a
// transaction, before the route runs) adds per request. The built server on SQLite and on MariaDB, limits off and
// on (limits far above the load, so nothing is refused), USERS applicants on one keep-alive connection each calling
// GET /api/auth/me (the session lookup alone: the cheapest authenticated route, so the limiter's share shows):
//   one at a time   a single connection, one request after another: the latency the limiter adds
//   many addresses  USERS connections, each its own X-Forwarded-For (TRUST_PROXY): a bucket row per caller, saturated
//   one address     USERS connections from one address: every request upserts the same row (the worst case)
// Server CPU per request is read from /proc. Then, on MariaDB, the limiter's statements alone on one connection
// (a transaction: upsert + read back), the counters table in InnoDB (what the server uses: a durable commit each) and
// in MEMORY (no durable commit, but no transaction either: parallel upserts and read-backs interleave, so the server
// cannot count exactly with it). The machine may be shared: figures move with its load.
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
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').split(',');
const KEY = Buffer.alloc(32, 7).toString('base64');
const FAR_ABOVE = '100000000';

const HITS = Number(process.env.BENCH_HITS ?? 1000);

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

async function runDatabase(database) {
  const figures = {};
  for (const limits of ['off', 'on']) {
    const env = {
      FIELD_ENCRYPTION_KEYS: `v1:${KEY}`,
      TRUST_PROXY: 'true',
      RATE_LIMITS_ENABLED: limits === 'on' ? 'true' : 'false',
      RATE_LIMIT_REQUESTS_PER_MINUTE: FAR_ABOVE,
      RATE_LIMIT_LOGINS_PER_MINUTE: FAR_ABOVE,
      ...(database === 'mariadb' ? { DATABASE_URL: (await createMariaDb(`ratelimit_${limits}`)).replace(/^mysql:/, 'mariadb:') } : {}),
    };
    const server = await startBeianServer(env);
    const users = await inBatches(
      Array.from({ length: USERS }, (_, i) => i),
      10,
      async (i) => ({ token: (await devLogin(server.url, `bench-rl-${i}`)).token }),
    );
    for (const [name, loadOf] of Object.entries(LOADS)) {
      const measured = await measure(server, loadOf(users));
      figures[`${name} ${limits}`] = measured;
      console.log(summarize(`${database} ${name}, limits ${limits}`, measured.result, ` | server CPU ${measured.cpuMsPerRequest.toFixed(3)} ms/req`));
    }
    await server.stop();
  }
  for (const name of Object.keys(LOADS)) {
    const off = figures[`${name} off`];
    const on = figures[`${name} on`];
    console.log(
      `  ${database} ${name.padEnd(15)} limiter adds: mean latency ${(on.result.latency.mean - off.result.latency.mean).toFixed(2)} ms, ` +
        `p99 ${on.result.latency.p99 - off.result.latency.p99} ms, server CPU ${(on.cpuMsPerRequest - off.cpuMsPerRequest).toFixed(3)} ms/req, ` +
        `throughput ×${(on.result.requests.average / off.result.requests.average).toFixed(2)}`,
    );
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
  console.log(`Rate limiter cost: GET /api/auth/me, ${USERS} applicants, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; ${machine()}`);
  for (const database of DATABASES) await runDatabase(database);
  if (DATABASES.includes('mariadb')) await statementsAlone();
});
