#!/usr/bin/env node
// Progress-page reads (issue 5): MariaDB with 100,000 orders and 1,000,000 history rows (10 per order, the last
// entering 管局 review), 100 owners polling GET /api/orders/:id/progress on one keep-alive connection each —
// full answers and the 304 path (If-None-Match with the ETag they hold) — against a bare Fastify + mysql2
// handler running the order-by-id and history-of-the-order queries. Both servers run side by side and the runs
// alternate (product 200, bare, product 304, bare, … for BENCH_ROUNDS rounds), so a change in what else the machine
// runs hits both; each round gives its ratios to the bare run next to it, and the medians are the result.
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import {
  createMariaDb,
  devLogin,
  inBatches,
  json,
  machine,
  main,
  ratio,
  runAutocannon,
  serverRequire,
  startBareServer,
  startBeianServer,
  summarize,
} from './support/bench-kit.mjs';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 100_000);
const HISTORY_PER_ORDER = 10;
const OWNERS = Number(process.env.BENCH_OWNERS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_SECONDS = 2;
const ROWS_PER_INSERT = 10_000;

/** A plausible life: created, rejected once at 初审, approved, SMS verified, now in 管局 review. */
const LIFE = [
  [null, 'draft', 'create', 'applicant'],
  ['draft', 'pending_initial_review', 'submit', 'applicant'],
  ['pending_initial_review', 'initial_review_rejected', 'reject_initial', 'reviewer'],
  ['initial_review_rejected', 'pending_initial_review', 'resubmit', 'applicant'],
  ['pending_initial_review', 'pending_regulator_submission', 'approve_initial', 'reviewer'],
  ['pending_regulator_submission', 'sms_verification', 'submit_to_regulator', 'system'],
  ['sms_verification', 'sms_verification', 'sms_resent', 'regulator'],
  ['sms_verification', 'sms_verification_failed', 'sms_failed', 'regulator'],
  ['sms_verification_failed', 'sms_verification', 'submit_to_regulator', 'system'],
  ['sms_verification', 'regulator_review', 'sms_verified', 'regulator'],
];

async function seed(databaseUrl, owners) {
  const mysql = serverRequire('mysql2/promise');
  const pool = mysql.createPool({ uri: databaseUrl, timezone: 'Z', connectionLimit: 2 });
  const start = Date.now();
  const day = 86_400_000;
  const ownedOrders = [];
  const batches = [];
  let historyId = 0;
  for (let first = 0; first < ORDERS; first += ROWS_PER_INSERT / HISTORY_PER_ORDER) {
    const orders = [];
    const history = [];
    for (let i = first; i < Math.min(ORDERS, first + ROWS_PER_INSERT / HISTORY_PER_ORDER); i++) {
      const id = randomUUID();
      const owner = i < owners.length ? owners[i] : null;
      if (owner) ownedOrders.push({ ...owner, orderId: id });
      const created = new Date(start - 12 * day + (i % 1000) * 60_000);
      orders.push([
        id,
        owner?.userId ?? randomUUID(),
        'first_filing',
        'unit',
        'website',
        'regulator_review',
        20,
        new Date(created.getTime() + day),
        created,
        new Date(created.getTime() + 9 * day),
      ]);
      LIFE.forEach(([from, to, event, actor], step) =>
        history.push([
          ++historyId,
          id,
          from,
          to,
          event,
          actor,
          actor === 'applicant' ? (owner?.userId ?? null) : null,
          step === 2 ? '网站名称与主体名称不符，请修改网站名称' : null,
          new Date(created.getTime() + step * day),
        ]),
      );
    }
    batches.push({ orders, history });
  }
  await inBatches(batches, 2, async ({ orders, history }) => {
    await pool.query(
      'INSERT INTO filing_orders (id, owner_id, kind, subject_type, service_type, status, version, submitted_at, created_at, updated_at) VALUES ?',
      [orders],
    );
    await pool.query('INSERT INTO order_history (id, order_id, from_status, to_status, event, actor_type, actor_id, reason, created_at) VALUES ?', [history]);
  });
  await pool.query('ANALYZE TABLE filing_orders, order_history');
  await pool.end();
  console.log(`  seeded ${ORDERS} orders and ${historyId} history rows in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return ownedOrders;
}

/** One connection per owner polling its own order; with `etags`, as a page that already holds the answer. */
function pollLoad(url, owners, pathOf, etags) {
  let next = 0;
  return {
    url,
    connections: owners.length,
    duration: SECONDS,
    setupClient(client) {
      const owner = owners[next++ % owners.length];
      client.setHeaders({ authorization: `Bearer ${owner.token}`, ...(etags ? { 'if-none-match': etags.get(owner.orderId) } : {}) });
      client.setRequests([{ method: 'GET', path: pathOf(owner) }]);
    },
  };
}

async function measure(label, load) {
  await runAutocannon({ ...load, duration: WARM_UP_SECONDS });
  const result = await runAutocannon(load);
  console.log(summarize(label, result, ` | load ${loadavg()[0].toFixed(1)}`));
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

main(async () => {
  console.log(
    `progress reads: MariaDB, ${ORDERS} orders × ${HISTORY_PER_ORDER} history rows, ${OWNERS} owners polling on one connection each, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; ${machine()}`,
  );
  const databaseUrl = await createMariaDb('progress');
  const server = await startBeianServer({ DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:') });
  const owners = await inBatches(
    Array.from({ length: OWNERS }, (_, i) => i),
    10,
    async (i) => {
      const login = await devLogin(server.url, `bench-owner-${i}`);
      return { token: login.token, userId: login.user.id };
    },
  );
  const polled = await seed(databaseUrl, owners);
  const sample = await json(`${server.url}/api/orders/${polled[0].orderId}/progress`, { token: polled[0].token });
  console.log(`  one answer: ${sample.timeline.length} timeline entries, ${JSON.stringify(sample).length} bytes, estimate ${JSON.stringify(sample.estimate)}`);

  const productPath = (o) => `/api/orders/${o.orderId}/progress`;
  const etags = new Map();
  await inBatches(polled, 10, async (o) => {
    const response = await fetch(`${server.url}${productPath(o)}`, { headers: { authorization: `Bearer ${o.token}` } });
    await response.arrayBuffer();
    etags.set(o.orderId, response.headers.get('etag'));
  });
  const bare = await startBareServer(databaseUrl);
  const bareLoad = pollLoad(bare.url, polled, (o) => `/orders/${o.orderId}/progress`);
  const rounds = [];
  for (let round = 1; round <= ROUNDS; round++) {
    console.log(`  round ${round} of ${ROUNDS}`);
    const full = await measure('product 200 (full answer)', pollLoad(server.url, polled, productPath));
    const fullFloor = await measure('bare Fastify + mysql2', bareLoad);
    const notModified = await measure('product 304 (If-None-Match)', pollLoad(server.url, polled, productPath, etags));
    const notModifiedFloor = await measure('bare Fastify + mysql2', bareLoad);
    console.log(ratio('ratio 200', full, fullFloor));
    console.log(ratio('ratio 304', notModified, notModifiedFloor));
    rounds.push({ full: [full, fullFloor], notModified: [notModified, notModifiedFloor] });
  }
  await server.stop();
  await bare.stop();
  for (const [label, key] of [
    ['200 (full answer)', 'full'],
    ['304 (If-None-Match)', 'notModified'],
  ]) {
    const throughput = rounds.map((r) => r[key][0].requests.average / r[key][1].requests.average);
    const p99 = rounds.map((r) => r[key][0].latency.p99 / r[key][1].latency.p99);
    console.log(
      `  median of ${ROUNDS} rounds, ${label.padEnd(20)} throughput ×${median(throughput).toFixed(2)} (rounds ${throughput.map((x) => x.toFixed(2)).join(', ')}), p99 ×${median(p99).toFixed(2)} (product ÷ bare)`,
    );
  }
});
