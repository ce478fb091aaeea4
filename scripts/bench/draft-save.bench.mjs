#!/usr/bin/env node
// Draft save (issue 4 budget: p99 ≤ 50 ms at 100 concurrent applicants): 100 applicants, each with its own order,
// each on its own keep-alive connection PATCHing its draft's `subject` section, carrying the version of its last
// answer. The built server on SQLite and on MariaDB, then the bare Fastify + driver handler (bump the order version
// + upsert the section in one transaction) on the same database, under the same three loads:
//   staggered  each applicant saves SAVES_PER_SECOND times a second from its own random phase (the budget's load)
//   in step    the same rate, but all 100 save in the same millisecond (autocannon's connectionRate): the worst case
//   saturated  each applicant saves again as soon as answered: throughput
import {
  createMariaDb,
  devLogin,
  inBatches,
  json,
  machine,
  main,
  ratio,
  runAutocannon,
  runStaggered,
  startBareServer,
  startBeianServer,
  summarize,
} from './support/bench-kit.mjs';
import { onSaveAnswer, saveRequest } from './support/draft-saves.mjs';

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Each applicant saves this often per second; the mini-program's 800 ms debounce allows at most 1.25. */
const SAVES_PER_SECOND = Number(process.env.BENCH_SAVES_PER_SECOND ?? 2);
const WARM_UP_SECONDS = 2;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').split(',');

/** autocannon: one connection per applicant. */
function autocannonLoad(url, applicants, pathOf, counts) {
  let next = 0;
  return {
    url,
    connections: applicants.length,
    duration: SECONDS,
    setupClient(client) {
      const applicant = applicants[next++ % applicants.length];
      client.setRequests([
        {
          ...saveRequest(applicant, pathOf(applicant)),
          setupRequest: (request) => ({ ...request, body: saveRequest(applicant, pathOf(applicant)).body }),
          onResponse: (status, body) => onSaveAnswer(applicant, status, body, counts),
        },
      ]);
    },
  };
}

/** The three loads against one server; answers each run's result. */
async function runLoads(label, url, applicants, pathOf) {
  const results = {};
  await runAutocannon({ ...autocannonLoad(url, applicants, pathOf, { conflicts: 0 }), duration: WARM_UP_SECONDS });
  await resyncVersions(url, applicants, pathOf);
  const counts = { staggered: { conflicts: 0 }, inStep: { conflicts: 0 }, saturated: { conflicts: 0 } };
  results.staggered = await runStaggered({
    url,
    users: applicants,
    ratePerSecond: SAVES_PER_SECOND,
    duration: SECONDS,
    request: (a) => saveRequest(a, pathOf(a)),
    onResponse: (a, status, body) => onSaveAnswer(a, status, body, counts.staggered),
  });
  console.log(summarize(`${label} staggered ${SAVES_PER_SECOND}/s each`, results.staggered, ` | 409 conflicts ${counts.staggered.conflicts}`));
  results.inStep = await runAutocannon({ ...autocannonLoad(url, applicants, pathOf, counts.inStep), connectionRate: SAVES_PER_SECOND });
  console.log(summarize(`${label} in step ${SAVES_PER_SECOND}/s each`, results.inStep, ` | 409 conflicts ${counts.inStep.conflicts}`));
  await resyncVersions(url, applicants, pathOf);
  results.saturated = await runAutocannon(autocannonLoad(url, applicants, pathOf, counts.saturated));
  console.log(summarize(`${label} saturated`, results.saturated, ` | 409 conflicts ${counts.saturated.conflicts}`));
  await resyncVersions(url, applicants, pathOf);
  return results;
}

/** Answers cut off when a run stopped leave a client one version behind; one empty save resyncs it. */
async function resyncVersions(url, applicants, pathOf) {
  await new Promise((resolve) => setTimeout(resolve, 500)); // saves still in flight when the run stopped
  await inBatches(applicants, 10, async (a) => {
    const { method, path, headers, body } = saveRequest(a, pathOf(a));
    const response = await fetch(`${url}${path}`, { method, headers, body });
    onSaveAnswer(a, response.status, await response.text(), { conflicts: 0 });
  });
}

async function benchDatabase(kind) {
  const databaseUrl = kind === 'mariadb' ? await createMariaDb('draft') : null;
  const server = await startBeianServer(databaseUrl ? { DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:') } : {});
  const applicants = await inBatches(
    Array.from({ length: APPLICANTS }, (_, i) => i),
    10,
    async (i) => {
      const { token } = await devLogin(server.url, `bench-applicant-${i}`);
      const order = await json(`${server.url}/api/orders`, {
        method: 'POST',
        token,
        body: { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' },
      });
      return { token, orderId: order.id, version: order.version };
    },
  );
  const product = await runLoads(`product (${kind})`, server.url, applicants, (a) => `/api/orders/${a.orderId}/draft`);
  await server.stop();

  const bare = await startBareServer(databaseUrl ?? `sqlite:${server.sqlitePath}`);
  const floor = await runLoads(`bare (${kind})`, bare.url, applicants, (a) => `/orders/${a.orderId}/draft`);
  await bare.stop();
  for (const load of ['staggered', 'inStep', 'saturated']) console.log(ratio(`ratio (${kind}) ${load}`, product[load], floor[load]));
}

main(async () => {
  console.log(
    `draft save: ${APPLICANTS} applicants, one connection each, PATCH /api/orders/:id/draft {subject}, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; ${machine()}`,
  );
  for (const kind of DATABASES) await benchDatabase(kind);
});
