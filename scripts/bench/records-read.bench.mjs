#!/usr/bin/env node
// 我的备案 reads (issue 12): MariaDB with 100,000 subjects and 1,000,000 services (10 per subject, each with our
// access), 100 owners of 10 subjects each reading GET /api/filings/subjects (the list) and
// GET /api/filings/subjects/:id (a subject with its 10 services) on one keep-alive connection each, against a bare
// Fastify + mysql2 handler running the same statements. Then 导出基础信息 on a fresh server: a 10-service subject and a
// 5,000-service account (50 subjects × 100), each format, with the server's resident memory sampled during the export.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

const SUBJECTS = Number(process.env.BENCH_SUBJECTS ?? 100_000);
const SERVICES_PER_SUBJECT = 10;
const OWNERS = Number(process.env.BENCH_OWNERS ?? 100);
const SUBJECTS_PER_OWNER = 10;
const BIG_ACCOUNT = { subjects: 50, servicesPerSubject: 100 };
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const SUBJECTS_PER_INSERT = 1000;
const KEY = Buffer.alloc(32, 7).toString('base64');

async function seed(databaseUrl, owners, bigOwner) {
  const mysql = serverRequire('mysql2/promise');
  const { FieldCipher } = serverRequire('./dist/platform/crypto/field-cipher.js');
  const cipher = new FieldCipher([{ version: 'v1', key: Buffer.from(KEY, 'base64') }]);
  const certificate = cipher.encrypt('91440300MA5G0XYZ1K');
  const principal = JSON.stringify({
    name: '张三',
    certificateType: 'resident_id',
    certificateNumber: cipher.encrypt('440305199001011234'),
    mobile: cipher.encrypt('13800138000'),
  });
  const servicePrincipal = JSON.stringify({ name: '李四', mobile: cipher.encrypt('13900139000') });
  const details = JSON.stringify({ communicationAddress: '深圳市南山区科技园1号', legalRepName: '王五' });
  const serviceDetails = JSON.stringify({ serviceContent: ['综合门户'], languages: ['中文简体'] });
  const pool = mysql.createPool({ uri: databaseUrl, timezone: 'Z', connectionLimit: 2 });
  const start = Date.now();
  const approved = new Date(start - 30 * 86_400_000);
  const owned = [];
  const plan = [];
  for (let i = 0; i < SUBJECTS; i++) {
    const ownerIndex = Math.floor(i / SUBJECTS_PER_OWNER);
    plan.push({ owner: ownerIndex < owners.length ? owners[ownerIndex] : null, services: SERVICES_PER_SUBJECT });
  }
  // The big account's subjects replace ordinary ones at the end, so the totals stay 100,000 / 1,000,000 give or take.
  for (let i = 0; i < BIG_ACCOUNT.subjects; i++) plan[SUBJECTS - 1 - i] = { owner: bigOwner, services: BIG_ACCOUNT.servicesPerSubject };
  let serviceCount = 0;
  const batches = [];
  for (let first = 0; first < plan.length; first += SUBJECTS_PER_INSERT)
    batches.push(plan.slice(first, first + SUBJECTS_PER_INSERT).map((p, j) => ({ ...p, index: first + j })));
  await inBatches(batches, 2, async (batch) => {
    const subjects = [];
    const services = [];
    const access = [];
    for (const { owner, services: count, index } of batch) {
      const id = randomUUID();
      const number = `粤ICP备${2000000000 + index}号`;
      if (owner && owner !== bigOwner) owned.push({ ...owner, subjectId: id });
      subjects.push([
        id,
        owner?.userId ?? randomUUID(),
        number,
        '44',
        '440305',
        'enterprise',
        'business_license',
        certificate,
        `idx${index}`,
        `深圳市示例科技有限公司${index}`,
        details,
        principal,
        'here',
        'active',
        count,
        1,
        approved,
        approved,
      ]);
      for (let n = 1; n <= count; n++) {
        const serviceId = randomUUID();
        const app = n % 5 === 0;
        services.push([
          serviceId,
          id,
          app ? 'app' : 'website',
          `${number}-${n}`,
          n,
          app ? `示例APP${n}` : `示例网站${n}`,
          JSON.stringify(app ? [] : [`www.site${index}-${n}.cn`]),
          app ? null : `http://www.site${index}-${n}.cn/`,
          JSON.stringify(app ? [{ platform: 'Android', packageName: `cn.site${index}.app${n}` }] : []),
          serviceDetails,
          servicePrincipal,
          'active',
          approved,
          approved,
        ]);
        access.push([serviceId, 'us', approved]);
      }
    }
    serviceCount += services.length;
    await pool.query(
      'INSERT INTO filing_subjects (id, owner_id, subject_icp_number, province_code, region_code, nature, certificate_type, certificate_number, certificate_index, name, details, principal, origin, state, max_service_seq, version, approved_at, changed_at) VALUES ?',
      [subjects],
    );
    await pool.query(
      'INSERT INTO filing_services (id, subject_id, service_type, service_icp_number, seq, name, domains, home_url, packages, details, principal, state, approved_at, changed_at) VALUES ?',
      [services],
    );
    await pool.query('INSERT INTO filing_access_records (service_id, provider, since) VALUES ?', [access]);
  });
  await pool.query('ANALYZE TABLE filing_subjects, filing_services, filing_access_records');
  await pool.end();
  console.log(`  seeded ${plan.length} subjects, ${serviceCount} services and as many access records in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  return owned;
}

function readLoad(url, owners, pathOf, headersOf) {
  let next = 0;
  return {
    url,
    connections: owners.length,
    duration: SECONDS,
    setupClient(client) {
      const owner = owners[next++ % owners.length];
      client.setHeaders(headersOf(owner));
      client.setRequests([{ method: 'GET', path: pathOf(owner) }]);
    },
  };
}

async function measure(label, load) {
  await runAutocannon({ ...load, duration: WARM_UP_SECONDS });
  const result = await runAutocannon(load);
  console.log(summarize(label, result));
  return result;
}

const rssKb = (pid) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);

/** Downloads one export while sampling the server's resident memory; the bytes are counted, never kept. */
async function exportRun(server, token, path) {
  const before = rssKb(server.pid);
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssKb(server.pid))), 10);
  const started = performance.now();
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  let bytes = 0;
  for await (const chunk of response.body) bytes += chunk.length;
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, rssKb(server.pid));
  return { bytes, ms, before, peak };
}

main(async () => {
  console.log(
    `我的备案 reads: MariaDB, ${SUBJECTS} subjects × ${SERVICES_PER_SUBJECT} services, ${OWNERS} owners of ${SUBJECTS_PER_OWNER} subjects reading on one connection each, ${SECONDS} s per run after ${WARM_UP_SECONDS} s warm-up; ${machine()}`,
  );
  const databaseUrl = await createMariaDb('records');
  const env = { DATABASE_URL: databaseUrl.replace(/^mysql:/, 'mariadb:'), FIELD_ENCRYPTION_KEYS: `v1:${KEY}` };
  const server = await startBeianServer(env);
  const logins = await inBatches(
    Array.from({ length: OWNERS + 1 }, (_, i) => i),
    10,
    async (i) => {
      const login = await devLogin(server.url, `bench-records-${i}`);
      return { token: login.token, userId: login.user.id };
    },
  );
  const bigOwner = logins[OWNERS];
  const owned = await seed(databaseUrl, logins.slice(0, OWNERS), bigOwner);
  const readers = logins.slice(0, OWNERS).map((owner) => ({ ...owner, subjectId: owned.find((o) => o.userId === owner.userId).subjectId }));
  const list = await json(`${server.url}/api/filings/subjects`, { token: readers[0].token });
  const detail = await json(`${server.url}/api/filings/subjects/${readers[0].subjectId}`, { token: readers[0].token });
  console.log(
    `  one list: ${list.length} subjects, ${JSON.stringify(list).length} bytes; one detail: ${detail.services.length} services, ${JSON.stringify(detail).length} bytes`,
  );

  const auth = (o) => ({ authorization: `Bearer ${o.token}` });
  const productList = await measure(
    'product list',
    readLoad(server.url, readers, () => '/api/filings/subjects', auth),
  );
  const productDetail = await measure(
    'product detail',
    readLoad(server.url, readers, (o) => `/api/filings/subjects/${o.subjectId}`, auth),
  );
  await server.stop();

  const bare = await startBareServer(databaseUrl);
  const bareList = await measure(
    'bare list',
    readLoad(
      bare.url,
      readers,
      (o) => `/filings/subjects?owner=${o.userId}`,
      () => ({}),
    ),
  );
  const bareDetail = await measure(
    'bare detail',
    readLoad(
      bare.url,
      readers,
      (o) => `/filings/subjects/${o.subjectId}?owner=${o.userId}`,
      () => ({}),
    ),
  );
  await bare.stop();
  console.log(ratio('ratio list', productList, bareList));
  console.log(ratio('ratio detail', productDetail, bareDetail));

  console.log(
    `导出基础信息 on a fresh server: a ${SERVICES_PER_SUBJECT}-service subject, and an account of ${BIG_ACCOUNT.subjects * BIG_ACCOUNT.servicesPerSubject} services`,
  );
  const exporter = await startBeianServer(env);
  for (const format of ['xlsx', 'csv', 'pdf']) {
    for (const [label, token, path] of [
      [`${SERVICES_PER_SUBJECT}-service subject`, readers[0].token, `/api/filings/subjects/${readers[0].subjectId}/export?format=${format}`],
      [`${BIG_ACCOUNT.subjects * BIG_ACCOUNT.servicesPerSubject}-service account`, bigOwner.token, `/api/filings/export?format=${format}`],
    ]) {
      const run = await exportRun(exporter, token, path);
      console.log(
        `  ${format.padEnd(4)} ${label.padEnd(24)} ${(run.bytes / 1024).toFixed(0).padStart(6)} KiB in ${run.ms.toFixed(0).padStart(6)} ms | server RSS ${(run.before / 1024).toFixed(0)} MiB before, peak ${(run.peak / 1024).toFixed(0)} MiB (+${((run.peak - run.before) / 1024).toFixed(0)} MiB)`,
      );
    }
  }
  await exporter.stop();
});
