#!/usr/bin/env node
// Runs every test suite in turn, then prints one total line: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'test-output');
mkdirSync(out, { recursive: true });

if (!process.env.TEST_MYSQL_URL) {
  console.error('TEST_MYSQL_URL is not set: the MySQL/MariaDB run cannot be skipped (use scripts/test.sh).');
  process.exit(1);
}

const jest = (name, cwd, args = [], env = {}) => ({
  name,
  run() {
    const report = join(out, `${name}.json`);
    spawnSync('pnpm', ['exec', 'jest', '--ci', '--json', `--outputFile=${report}`, ...args], { cwd: join(root, cwd), stdio: 'inherit', env: { ...process.env, ...env } });
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
    const line = res.stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
    if (!line) return { passed: 0, failed: 1, note: 'no JSON report' };
    const report = JSON.parse(line);
    return report.ok && res.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1, note: report.errors.join('; ') };
  },
};

const suites = [
  jest('shared', 'shared'),
  jest('server-sqlite', 'server', [], { TEST_MYSQL_URL: '' }),
  jest('server-mysql', 'server', [], { TEST_MYSQL_URL: process.env.TEST_MYSQL_URL }),
  jest('miniapp-unit', 'miniapp', ['--config', 'jest.unit.config.js']),
  weappCheck,
  jest('browser', 'miniapp', ['--config', 'jest.e2e.config.js', '--runInBand']),
];

let passed = 0;
let failed = 0;
const lines = [];
for (const suite of suites) {
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
