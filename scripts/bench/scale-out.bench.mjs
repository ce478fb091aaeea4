#!/usr/bin/env node
// Scale-out: the progress read and the draft save with 1, 2 and 3 server processes on one MariaDB behind Debian's
// haproxy (round robin, keep-alive to the backends), 100 users on one keep-alive connection each, saturated; plus
// one process without the balancer. Reports throughput, latency and the CPU share of each part: on a 2-core machine
// the processes, the balancer, MariaDB and autocannon share two cores, so the curve flattens early.
import { randomBytes } from 'node:crypto';
import {
  cpuSeconds,
  createMariaDb,
  devLogin,
  inBatches,
  json,
  machine,
  main,
  runAutocannon,
  startBalancer,
  startBeianServer,
  summarize,
} from './support/bench-kit.mjs';
import { onSaveAnswer, saveRequest } from './support/draft-saves.mjs';

const USERS = Number(process.env.BENCH_USERS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const MAX_PROCESSES = Number(process.env.BENCH_MAX_PROCESSES ?? 3);

function progressLoad(url, users) {
  let next = 0;
  return {
    url,
    connections: users.length,
    duration: SECONDS,
    setupClient(client) {
      const user = users[next++ % users.length];
      client.setHeaders({ authorization: `Bearer ${user.token}` });
      client.setRequests([{ method: 'GET', path: `/api/orders/${user.orderId}/progress` }]);
    },
  };
}

function draftLoad(url, users) {
  let next = 0;
  const path = (user) => `/api/orders/${user.orderId}/draft`;
  return {
    url,
    connections: users.length,
    duration: SECONDS,
    setupClient(client) {
      const user = users[next++ % users.length];
      client.setRequests([
        {
          ...saveRequest(user, path(user)),
          setupRequest: (request) => ({ ...request, body: saveRequest(user, path(user)).body }),
          onResponse: (status, body) => onSaveAnswer(user, status, body, { conflicts: 0 }),
        },
      ]);
    },
  };
}

/** One run, with the CPU seconds each process used during it. */
async function measure(label, load, parts) {
  await runAutocannon({ ...load, duration: WARM_UP_SECONDS });
  const before = parts.map((p) => cpuSeconds(p.pid));
  const result = await runAutocannon(load);
  const used = parts.map((p, n) => cpuSeconds(p.pid) - before[n]);
  const seconds = result.duration;
  const share = parts.map((p, n) => `${p.name} ${((used[n] / seconds) * 100).toFixed(0)}%`).join(', ');
  console.log(summarize(label, result, ` | CPU of one core: ${share}`));
  return result;
}

/** The versions the draft saves carry, read again after a run cut some answers off. */
async function resync(url, users) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  await inBatches(users, 10, async (user) => {
    user.version = (await json(`${url}/api/orders/${user.orderId}`, { token: user.token })).version;
  });
}

main(async () => {
  console.log(`scale-out: MariaDB, ${USERS} users on one connection each, saturated, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; ${machine()}`);
  // Every process of one deployment shares the database and the field encryption keys.
  const env = {
    DATABASE_URL: (await createMariaDb('scale')).replace(/^mysql:/, 'mariadb:'),
    FIELD_ENCRYPTION_KEYS: `v1:${randomBytes(32).toString('base64')}`,
  };
  const servers = [await startBeianServer(env)];
  const users = await inBatches(
    Array.from({ length: USERS }, (_, i) => i),
    10,
    async (i) => {
      const { token } = await devLogin(servers[0].url, `bench-scale-${i}`);
      const order = await json(`${servers[0].url}/api/orders`, {
        method: 'POST',
        token,
        body: { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' },
      });
      return { token, orderId: order.id, version: order.version };
    },
  );
  const figures = [];
  const direct = servers.map((s, n) => ({ name: `p${n + 1}`, pid: s.pid }));
  figures.push({ label: '1 process, no balancer', progress: await measure('1 process direct: progress', progressLoad(servers[0].url, users), direct) });
  figures.at(-1).draft = await measure('1 process direct: draft save', draftLoad(servers[0].url, users), direct);
  await resync(servers[0].url, users);
  for (let count = 1; count <= MAX_PROCESSES; count++) {
    while (servers.length < count) servers.push(await startBeianServer(env));
    const balancer = await startBalancer(servers.map((s) => s.url));
    const parts = [...servers.map((s, n) => ({ name: `p${n + 1}`, pid: s.pid })), { name: 'haproxy', pid: balancer.pid }];
    const progress = await measure(`${count} behind haproxy: progress`, progressLoad(balancer.url, users), parts);
    const draft = await measure(`${count} behind haproxy: draft save`, draftLoad(balancer.url, users), parts);
    await resync(balancer.url, users);
    figures.push({ label: `${count} process${count > 1 ? 'es' : ''} behind haproxy`, progress, draft });
    await balancer.stop();
  }
  const base = figures[1];
  for (const f of figures)
    console.log(
      `  ${f.label.padEnd(28)} progress ${Math.round(f.progress.requests.average)} req/s (×${(f.progress.requests.average / base.progress.requests.average).toFixed(2)}), ` +
        `draft save ${Math.round(f.draft.requests.average)} req/s (×${(f.draft.requests.average / base.draft.requests.average).toFixed(2)}) — relative to 1 process behind haproxy`,
    );
});
