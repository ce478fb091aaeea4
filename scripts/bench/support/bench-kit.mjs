// What the HTTP benchmarks share: the built server and bare handlers as child processes on loopback, throwaway
// MariaDB databases (beian_bench_*), autocannon runs and their one-line summaries. Everything started is
// stopped and dropped on exit, also on Ctrl-C.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
/** The checkout whose built server and shared package are measured (default: this one). */
const benchedRoot = resolve(process.env.BENCH_SERVER_ROOT ?? root);
export const serverRequire = createRequire(join(benchedRoot, 'server/package.json'));
export const sharedRequire = createRequire(join(benchedRoot, 'shared/package.json'));
const rootRequire = createRequire(join(root, 'package.json'));
const autocannon = rootRequire('autocannon');

const MARIADB = process.env.BENCH_MARIADB ?? 'mysql://root@127.0.0.1:3306';

const cleanups = [];
/** Runs `fn` when the benchmark ends, however it ends; the latest registered runs first. */
function onCleanup(fn) {
  cleanups.push(fn);
}
let cleaning = null;
function cleanup() {
  cleaning ??= (async () => {
    for (const fn of cleanups.reverse()) await fn().catch((error) => console.error(`cleanup: ${error.message}`));
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void cleanup().finally(() => process.exit(130)));

/** Runs the benchmark's main function, then cleans up; a failure exits non-zero. */
export function main(fn) {
  fn()
    .catch((error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => cleanup());
}

/** A node script as a child process on a free loopback port; resolves once it printed `running at <url>`. */
export async function startProcess(script, env, nodeArgs = []) {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  onCleanup(stop);
  const url = await new Promise((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start:\n${output}`)), 60_000);
    const onData = (chunk) => {
      output += chunk.toString();
      const match = /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}:\n${output}`)));
  });
  child.stdout.resume();
  child.stderr.resume();
  return { url, pid: child.pid, stop, output: () => output };
}

/**
 * The built server (server/dist/main.js) as `pnpm start` runs it, with fresh data in a temp folder.
 * BENCH_SERVER_NODE_ARGS adds node flags, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to see where the time goes.
 */
export async function startBeianServer(env = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'beian-bench-'));
  onCleanup(async () => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startProcess(
    join(benchedRoot, 'server/dist/main.js'),
    // One load generator on one address is far over any per-caller limit: the benchmarks measure the handlers.
    { DATA_DIR: dataDir, LOG_LEVEL: 'error', RATE_LIMITS_ENABLED: 'false', ...env },
    (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
  return { ...server, dataDir, sqlitePath: join(dataDir, 'beian.sqlite') };
}

/** The bare Fastify + driver handlers (bare-handlers.server.mjs) on the same database. */
export function startBareServer(database) {
  return startProcess(join(import.meta.dirname, 'bare-handlers.server.mjs'), { BARE_DATABASE: database });
}

/** A fresh MariaDB database `beian_bench_<name>_<pid>`, dropped at the end. Returns its URL. */
export async function createMariaDb(name) {
  const mysql = serverRequire('mysql2/promise');
  const database = `beian_bench_${name}_${process.pid}`;
  const admin = await mysql.createConnection(MARIADB);
  await admin.query(`CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  onCleanup(async () => {
    const conn = await mysql.createConnection(MARIADB);
    await conn.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await conn.end();
  });
  return `${MARIADB}/${database}`;
}

export function devLogin(url, nickname) {
  return json(`${url}/api/auth/dev-login`, { method: 'POST', body: { nickname } });
}

export async function json(url, { method = 'GET', body, token } = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/** Runs `fn` on at most `limit` items at a time. */
export async function inBatches(items, limit, fn) {
  const results = [];
  for (let i = 0; i < items.length; i += limit) results.push(...(await Promise.all(items.slice(i, i + limit).map(fn))));
  return results;
}

export function runAutocannon(options) {
  return new Promise((resolveRun, reject) => {
    autocannon({ pipelining: 1, ...options }, (error, result) => (error ? reject(error) : resolveRun(result)));
  });
}

/** `label  p50 … p99 … max … | N req/s | non-2xx …` from an autocannon result. */
export function summarize(label, result, extra = '') {
  const l = result.latency;
  const codes = Object.entries(result.statusCodeStats ?? {})
    .map(([code, { count }]) => `${code}×${count}`)
    .join(' ');
  return `  ${label.padEnd(34)} p50 ${l.p50} ms, p99 ${l.p99} ms, max ${l.max} ms | ${Math.round(result.requests.average)} req/s (${result.requests.total} in ${result.duration.toFixed(0)} s) | ${codes}${result.errors ? ` errors ${result.errors}` : ''}${result.timeouts ? ` timeouts ${result.timeouts}` : ''}${extra}`;
}

/** How the product compares with the bare handler: latency and throughput ratios. */
export function ratio(label, product, bare) {
  const x = (a, b) => (b ? (a / b).toFixed(1) : '∞');
  return `  ${label.padEnd(34)} p50 ×${x(product.latency.p50, bare.latency.p50)}, p99 ×${x(product.latency.p99, bare.latency.p99)}, throughput ×${x(product.requests.average, bare.requests.average)} (product ÷ bare)`;
}

export const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Figures depend on what else runs: the core count and the load average when the benchmark started. */
export const machine = () => `${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)} at start`;

/**
 * Open-loop load as independent users make it: each of `users` sends `ratePerSecond` requests a second on its own
 * keep-alive connection, starting at a random phase, never two at once (a late answer delays that user's next
 * request). Latency counts from the scheduled send time, so a queue in front of the server is not hidden.
 * Answers an autocannon-shaped result for summarize and ratio.
 */
export async function runStaggered({ url, users, ratePerSecond, duration, request, onResponse = () => {} }) {
  const { Agent, request: httpRequest } = await import('node:http');
  const target = new URL(url);
  const interval = 1000 / ratePerSecond;
  const latencies = [];
  const statusCodeStats = {};
  let errors = 0;
  const started = performance.now();
  const send = (agent, { method, path, headers, body }) =>
    new Promise((resolveSend) => {
      const req = httpRequest(
        { host: target.hostname, port: target.port, method, path, headers: { ...headers, 'content-length': Buffer.byteLength(body ?? '') }, agent },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => (text += chunk));
          res.on('end', () => resolveSend({ status: res.statusCode, text }));
        },
      );
      req.on('error', () => resolveSend({ status: 0, text: '' }));
      req.end(body);
    });
  await Promise.all(
    users.map(async (user) => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      for (let due = started + Math.random() * interval; due < started + duration * 1000; due += interval) {
        const wait = due - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        const { status, text } = await send(agent, request(user));
        latencies.push(performance.now() - due);
        if (status === 0) errors++;
        else {
          statusCodeStats[status] = { count: (statusCodeStats[status]?.count ?? 0) + 1 };
          onResponse(user, status, text);
        }
      }
      agent.destroy();
    }),
  );
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  const round = (ms) => Math.round(ms * 10) / 10;
  return {
    latency: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)), max: round(latencies.at(-1) ?? 0) },
    requests: { average: latencies.length / seconds, total: latencies.length },
    duration: seconds,
    statusCodeStats,
    errors,
  };
}

/** CPU seconds a process used so far (user + system, from /proc). */
export function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Debian's haproxy on a free loopback port, round robin over `urls`; resolves once every backend answers ready through it. */
export async function startBalancer(urls) {
  const probe = createServer();
  await new Promise((done) => probe.listen(0, '127.0.0.1', done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  const config = join(mkdtempSync(join(tmpdir(), 'beian-bench-haproxy-')), 'haproxy.cfg');
  writeFileSync(
    config,
    [
      'global',
      '  maxconn 4096',
      'defaults',
      '  mode http',
      '  timeout connect 2s',
      '  timeout client 60s',
      '  timeout server 60s',
      '  option http-keep-alive',
      'frontend api',
      `  bind 127.0.0.1:${port}`,
      '  default_backend servers',
      'backend servers',
      '  balance roundrobin',
      '  http-reuse always',
      ...urls.map((url, n) => `  server p${n + 1} ${new URL(url).host}`),
      '',
    ].join('\n'),
  );
  const child = spawn('/usr/sbin/haproxy', ['-f', config, '-db'], { stdio: 'ignore' });
  const stop = () =>
    new Promise((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  onCleanup(stop);
  const url = `http://127.0.0.1:${port}`;
  for (let tries = 0; ; tries++) {
    const ready = await fetch(`${url}/api/health/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    if (tries > 100) throw new Error('haproxy did not start');
    await new Promise((done) => setTimeout(done, 100));
  }
  return { url, pid: child.pid, stop };
}
