#!/usr/bin/env node
// Draft save (issue 4 budget: p99 ≤ 50 ms at 100 concurrent applicants): 100 applicants, each with its own order,
// each on its own keep-alive connection PATCHing its draft's `subject` section as fast as answers come, carrying
// the version of its last answer. The built server on SQLite and on MariaDB, then the bare Fastify + driver
// handler (bump the order version + upsert the section in one transaction) on the same database, same load.
import { createMariaDb, devLogin, inBatches, json, machine, main, ratio, runAutocannon, sharedRequire, startBareServer, startBeianServer, summarize } from './support/bench-kit.mjs';

const APPLICANTS = Number(process.env.BENCH_APPLICANTS ?? 100);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Paced run: each applicant saves this often per second (a debounced editor saves far less often). */
const SAVES_PER_SECOND = Number(process.env.BENCH_SAVES_PER_SECOND ?? 2);
const WARM_UP_SECONDS = 2;
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,mariadb').split(',');

const { unitDraft } = sharedRequire('./dist/testing/index.js');
const baseSubject = unitDraft().subject;

/** One connection per applicant; each save carries the version of the applicant's last answer (409s resync it). */
function saveLoad(url, applicants, pathOf, counts) {
  let next = 0;
  return {
    url,
    connections: applicants.length,
    duration: SECONDS,
    setupClient(client) {
      const applicant = applicants[next++ % applicants.length];
      let edits = 0;
      client.setRequests([
        {
          method: 'PATCH',
          path: pathOf(applicant),
          headers: { 'content-type': 'application/json', authorization: `Bearer ${applicant.token}` },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ version: applicant.version, draft: { subject: { ...baseSubject, communicationAddress: `福州市鼓楼区示例路1号${++edits}室` } } }),
          }),
          onResponse: (status, body) => {
            if (status === 200) applicant.version = JSON.parse(body).version;
            else if (status === 409) {
              counts.conflicts++;
              applicant.version = JSON.parse(body).details?.version ?? applicant.version;
            }
          },
        },
      ]);
    },
  };
}

/** Answers cut off when a run stopped leave a client one version behind; the next run starts from the stored one. */
async function resyncVersions(url, applicants) {
  await new Promise((resolve) => setTimeout(resolve, 500)); // saves still in flight when the run stopped
  await inBatches(applicants, 10, async (a) => {
    a.version = (await json(`${url}/api/orders/${a.orderId}`, { token: a.token })).version;
  });
}

async function benchDatabase(kind) {
  const databaseUrl = kind === 'mariadb' ? await createMariaDb('draft') : null;
  const server = await startBeianServer(databaseUrl ? { DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:') } : {});
  const applicants = await inBatches(Array.from({ length: APPLICANTS }, (_, i) => i), 10, async (i) => {
    const { token } = await devLogin(server.url, `bench-applicant-${i}`);
    const order = await json(`${server.url}/api/orders`, { method: 'POST', token, body: { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' } });
    return { token, orderId: order.id, version: order.version };
  });
  const productPath = (a) => `/api/orders/${a.orderId}/draft`;
  await runAutocannon({ ...saveLoad(server.url, applicants, productPath, { conflicts: 0 }), duration: WARM_UP_SECONDS });
  await resyncVersions(server.url, applicants);
  const counts = { conflicts: 0 };
  const product = await runAutocannon(saveLoad(server.url, applicants, productPath, counts));
  console.log(summarize(`product (${kind}) saturated`, product, ` | 409 conflicts ${counts.conflicts}`));
  await resyncVersions(server.url, applicants);
  const pacedCounts = { conflicts: 0 };
  const paced = await runAutocannon({ ...saveLoad(server.url, applicants, productPath, pacedCounts), connectionRate: SAVES_PER_SECOND });
  console.log(summarize(`product (${kind}) ${SAVES_PER_SECOND}/s each`, paced, ` | 409 conflicts ${pacedCounts.conflicts}`));
  await resyncVersions(server.url, applicants);
  await server.stop();

  const bare = await startBareServer(databaseUrl ?? `sqlite:${server.sqlitePath}`);
  const barePath = (a) => `/orders/${a.orderId}/draft`;
  await runAutocannon({ ...saveLoad(bare.url, applicants, barePath, { conflicts: 0 }), duration: WARM_UP_SECONDS });
  const bareCounts = { conflicts: 0 };
  const floor = await runAutocannon(saveLoad(bare.url, applicants, barePath, bareCounts));
  console.log(summarize(`bare (${kind}) saturated`, floor, ` | 409 conflicts ${bareCounts.conflicts} (first save after the warm-up)`));
  const pacedFloor = await runAutocannon({ ...saveLoad(bare.url, applicants, barePath, { conflicts: 0 }), connectionRate: SAVES_PER_SECOND });
  console.log(summarize(`bare (${kind}) ${SAVES_PER_SECOND}/s each`, pacedFloor));
  await bare.stop();
  console.log(ratio(`ratio (${kind}) saturated`, product, floor));
  console.log(ratio(`ratio (${kind}) ${SAVES_PER_SECOND}/s each`, paced, pacedFloor));
}

main(async () => {
  console.log(`draft save: ${APPLICANTS} applicants, one connection each, PATCH /api/orders/:id/draft {subject}, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; ${machine()}`);
  console.log('  saturated: each applicant saves again as soon as answered; paced: each saves at a fixed rate');
  for (const kind of DATABASES) await benchDatabase(kind);
});
