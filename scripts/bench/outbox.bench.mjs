#!/usr/bin/env node
// Outbox (issue 5): the built server's worker polling every WORKER_POLL_MS, on MariaDB and SQLite, with WeChat
// pointed at a local fake. `order.status_changed` rows are written straight into outbox_messages (as the state
// machine writes them, each for its own order) and timed:
//   1. burst to the message centre only (初审通过 has no template): rows → all marked sent, messages/s;
//   2. burst with a WeChat template (初审驳回, one accepted grant each): rows → the fake received every send;
//   3. delay: one change every 1000/RATE ms; from the commit of the change to the fake receiving its message.
import { randomUUID } from 'node:crypto';
import { createMariaDb, devLogin, inBatches, machine, main, percentile, serverRequire, startBeianServer } from './support/bench-kit.mjs';
import { startFakeWechat } from './support/fake-wechat.server.mjs';

const DATABASES = (process.env.BENCH_DATABASES ?? 'mariadb,sqlite').split(',');
const BURST = Number(process.env.BENCH_OUTBOX_BURST ?? 1000);
const DELAY_MESSAGES = Number(process.env.BENCH_OUTBOX_DELAY_MESSAGES ?? 100);
const RATE = Number(process.env.BENCH_OUTBOX_RATE ?? 20);
const POLL_MS = Number(process.env.BENCH_OUTBOX_POLL_MS ?? 50);
const USERS = 50;
const WAIT_LIMIT_MS = 120_000;
const TEMPLATE_ID = 'tpl_bench_progress';
const TEMPLATES = {
  initial_review_rejected: { templateId: TEMPLATE_ID, data: { thing1: 'title', character_string2: 'body', phrase3: 'status', time4: 'time' } },
};

const sqliteTime = (date) => date.toISOString().replace('T', ' ').slice(0, 23);

/** Inserts and counts on the server's database, from the benchmark's own connection. */
function openDatabase(kind, databaseUrl, sqlitePath) {
  if (kind === 'mariadb') {
    const pool = serverRequire('mysql2/promise').createPool({ uri: databaseUrl, timezone: 'Z', connectionLimit: 2 });
    return {
      insert: (table, columns, rows) => pool.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ?`, [rows]),
      count: async (sql) => Number((await pool.query(sql))[0][0].n),
      close: () => pool.end(),
    };
  }
  const db = serverRequire('better-sqlite3')(sqlitePath);
  db.pragma('busy_timeout = 5000');
  return {
    insert: async (table, columns, rows) => {
      const statement = db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      db.transaction(() => rows.forEach((row) => statement.run(row.map((v) => (v instanceof Date ? sqliteTime(v) : v)))))();
    },
    count: async (sql) => Number(db.prepare(sql).get().n),
    close: async () => db.close(),
  };
}

async function waitFor(what, done) {
  const start = Date.now();
  while (!(await done())) {
    if (Date.now() - start > WAIT_LIMIT_MS) throw new Error(`outbox bench: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const OUTBOX_COLUMNS = ['type', 'aggregate_id', 'payload', 'dedupe_key', 'status', 'attempts', 'due_at', 'created_at'];
function statusChanged(order, event, to, reason, key, at) {
  const payload = { orderId: order.id, ownerId: order.ownerId, kind: 'first_filing', from: 'pending_initial_review', to, event, reason };
  return ['order.status_changed', order.id, JSON.stringify(payload), `bench:${key}`, 'pending', 0, at, at];
}

async function benchDatabase(kind) {
  const fake = await startFakeWechat();
  const databaseUrl = kind === 'mariadb' ? await createMariaDb('outbox') : null;
  const server = await startBeianServer({
    ...(databaseUrl ? { DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:') } : {}),
    WECHAT_APP_ID: fake.appId,
    WECHAT_APP_SECRET: fake.appSecret,
    WECHAT_API_BASE: fake.url,
    WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify(TEMPLATES),
    WORKER_POLL_MS: String(POLL_MS),
  });
  const db = openDatabase(kind, databaseUrl, server.sqlitePath);
  try {
    const users = await inBatches(
      Array.from({ length: USERS }, (_, i) => i),
      10,
      async (i) => (await devLogin(server.url, `bench-outbox-${i}`)).user.id,
    );
    const now = new Date();
    const orders = Array.from({ length: 2 * BURST + DELAY_MESSAGES }, (_, i) => ({ id: randomUUID(), ownerId: users[i % USERS] }));
    await db.insert(
      'filing_orders',
      ['id', 'owner_id', 'kind', 'subject_type', 'service_type', 'status', 'version', 'submitted_at', 'created_at', 'updated_at'],
      orders.map((o) => [o.id, o.ownerId, 'first_filing', 'personal', 'website', 'pending_initial_review', 3, now, now, now]),
    );
    const wechatOrders = orders.slice(BURST);
    await db.insert(
      'subscribe_grants',
      ['user_id', 'template_id', 'result', 'created_at'],
      wechatOrders.map((o) => [o.ownerId, TEMPLATE_ID, 'accept', now]),
    );

    let start = Date.now();
    await db.insert(
      'outbox_messages',
      OUTBOX_COLUMNS,
      orders.slice(0, BURST).map((o, i) => statusChanged(o, 'approve_initial', 'pending_regulator_submission', null, `centre:${i}`, new Date())),
    );
    await waitFor('the message-centre burst', async () => (await db.count("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'sent'")) >= BURST);
    const centreSeconds = (Date.now() - start) / 1000;
    const centreMessages = await db.count('SELECT COUNT(*) AS n FROM messages');
    console.log(
      `  ${kind.padEnd(7)} message centre only: ${BURST} changes in ${centreSeconds.toFixed(2)} s = ${Math.round(BURST / centreSeconds)} messages/s (${centreMessages} in the centre)`,
    );

    start = Date.now();
    await db.insert(
      'outbox_messages',
      OUTBOX_COLUMNS,
      wechatOrders.slice(0, BURST).map((o, i) => statusChanged(o, 'reject_initial', 'initial_review_rejected', '网站名称不符', `wechat:${i}`, new Date())),
    );
    await waitFor('the WeChat burst', () => fake.sends.length >= BURST);
    const wechatSeconds = (fake.sends[BURST - 1].at - start) / 1000;
    console.log(`  ${kind.padEnd(7)} centre + WeChat:    ${BURST} changes in ${wechatSeconds.toFixed(2)} s = ${Math.round(BURST / wechatSeconds)} messages/s`);

    const committedAt = [];
    const delayOrders = wechatOrders.slice(BURST);
    const begin = Date.now();
    for (let i = 0; i < DELAY_MESSAGES; i++) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, begin + i * (1000 / RATE) - Date.now())));
      await db.insert('outbox_messages', OUTBOX_COLUMNS, [
        statusChanged(delayOrders[i], 'reject_initial', 'initial_review_rejected', `#${i}#`, `delay:${i}`, new Date()),
      ]);
      committedAt[i] = Date.now();
    }
    await waitFor('the delayed messages', () => fake.sends.length >= BURST + DELAY_MESSAGES);
    const delays = fake.sends
      .slice(BURST)
      .map((send) => {
        const marker = /#(\d+)#/.exec(send.body.data.character_string2.value);
        return marker ? send.at - committedAt[Number(marker[1])] : NaN;
      })
      .sort((a, b) => a - b);
    const pages = new Set(fake.sends.map((s) => s.body.page));
    const unsent = () => db.count("SELECT COUNT(*) AS n FROM outbox_messages WHERE status <> 'sent'");
    for (let tries = 0; tries < 100 && (await unsent()) > 0; tries++) await new Promise((resolve) => setTimeout(resolve, 20));
    const undelivered = await unsent();
    console.log(
      `  ${kind.padEnd(7)} delay change → WeChat at ${RATE}/s (${DELAY_MESSAGES} changes): p50 ${percentile(delays, 50)} ms, p99 ${percentile(delays, 99)} ms, max ${delays.at(-1)} ms` +
        ` | sends ${fake.sends.length} (${fake.sends.length - pages.size} repeated), token calls ${fake.counts.tokenCalls}, refused calls ${fake.counts.rejected}, not sent ${undelivered}`,
    );
  } finally {
    await db.close();
    await server.stop();
    await fake.stop();
  }
}

main(async () => {
  console.log(
    `outbox: worker polling every ${POLL_MS} ms (batch ${process.env.OUTBOX_BATCH_SIZE ?? 'default 50'}, ${process.env.WORKER_BATCHES_IN_FLIGHT ?? 'default 2'} in flight), bursts of ${BURST} changes, delay at ${RATE} changes/s; ${machine()}`,
  );
  for (const kind of DATABASES) await benchDatabase(kind);
});
