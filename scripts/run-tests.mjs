#!/usr/bin/env node
// Runs every test suite in turn, then prints one total line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });

const jest = (name, cwd, args = [], env = {}) => ({
  name,
  run() {
    const report = join(out, `${name}.json`);
    spawnSync('pnpm', ['exec', 'jest', '--ci', '--json', `--outputFile=${report}`, ...args], {
      cwd: join(root, cwd),
      stdio: 'inherit',
      env: { ...process.env, ...env },
    });
    if (!existsSync(report)) return { passed: 0, failed: 1, note: 'jest wrote no report' };
    const r = JSON.parse(readFileSync(report, 'utf8'));
    const crashed = r.numFailedTestSuites - r.testResults.filter((t) => t.assertionResults.some((a) => a.status === 'failed')).length;
    return { passed: r.numPassedTests, failed: r.numFailedTests + Math.max(0, crashed) };
  },
});

const weappCheck = {
  name: 'weapp-check',
  run() {
    const res = spawnSync('node', ['scripts/weapp-check.mjs'], { cwd: root, encoding: 'utf8' });
    process.stdout.write(res.stdout);
    process.stderr.write(res.stderr);
    const line = res.stdout
      .trim()
      .split('\n')
      .reverse()
      .find((l) => l.startsWith('{'));
    if (!line) return { passed: 0, failed: 1, note: 'no JSON report' };
    const report = JSON.parse(line);
    return report.ok && res.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, note: report.errors.join('; ') };
  },
};

/** A root script (package.json) as one check: 1 passed, or 1 failed with the tool's own output, cut short. */
const check = (name, script) => ({
  name,
  run() {
    const res = spawnSync('pnpm', ['run', '--silent', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (res.status === 0) return { passed: 1, failed: 0 };
    const lines = `${res.stdout}${res.stderr}`.replace(/^\n+/, '').trimEnd().split('\n');
    // The tools end with their summary line: keep it when the list is cut.
    const shown = lines.length > 60 ? [...lines.slice(0, 50), `… ${lines.length - 51} more lines: run \`pnpm ${script}\``, lines.at(-1)] : lines;
    console.log(shown.join('\n'));
    return { passed: 0, failed: 1, note: `pnpm ${script}` };
  },
});

// The shared rate-limit counters are tested on this Redis (each test run under a key prefix of its own).
const redisUrl = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379';

const suites = [
  check('architecture', 'arch'),
  check('format', 'format:check'),
  check('lint', 'lint'),
  // tsc --noEmit over each package's code and tests (jest's swc transform checks no types), the three side by side.
  check('types', 'typecheck'),
  jest('shared', 'shared'),
  jest('server-sqlite', 'server', [], { TEST_MYSQL_URL: '', TEST_REDIS_URL: redisUrl }),
  jest('server-mysql', 'server', [], { TEST_MYSQL_URL: process.env.TEST_MYSQL_URL, TEST_REDIS_URL: redisUrl }),
  jest('miniapp-unit', 'miniapp', ['--config', 'jest.unit.config.js']),
  weappCheck,
  jest('browser', 'miniapp', ['--config', 'jest.e2e.config.js', '--runInBand']),
];

// `node scripts/run-tests.mjs lint architecture` runs only the suites named.
const only = process.argv.slice(2);
const unknown = only.filter((name) => !suites.some((suite) => suite.name === name));
if (unknown.length > 0) {
  console.error(`no such suite: ${unknown.join(', ')} (suites: ${suites.map((suite) => suite.name).join(', ')})`);
  process.exit(1);
}
const selected = only.length > 0 ? suites.filter((suite) => only.includes(suite.name)) : suites;
if (!process.env.TEST_MYSQL_URL && selected.some((suite) => suite.name === 'server-mysql' || suite.name === 'browser')) {
  console.error('TEST_MYSQL_URL is not set: the MySQL/MariaDB run cannot be skipped (use scripts/test.sh).');
  process.exit(1);
}

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of selected) {
  console.log(`\n=== ${suite.name} ===`);
  const r = suite.run();
  if (r.passed + r.failed === 0) r.failed = 1;
  passed += r.passed;
  failed += r.failed;
  lines.push(`${suite.name.padEnd(14)} ${r.passed} passed, ${r.failed} failed${r.note ? ` (${r.note})` : ''}`);
}
console.log(`\n${lines.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
