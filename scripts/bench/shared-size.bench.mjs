#!/usr/bin/env node
// How much @beian/shared adds to each weapp package: builds the weapp with webpack stats and sums, per package,
// the modules that come from shared/src (their size after Taro's transforms, before minification), raw and gzip.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '../..');
const statsFile = join(root, 'miniapp/dist/weapp-stats.json');
execFileSync('pnpm', ['--filter', '@beian/miniapp', 'build:weapp'], { cwd: root, stdio: 'ignore', env: { ...process.env, BUILD_STATS_FILE: statsFile } });
const stats = JSON.parse(readFileSync(statsFile, 'utf8'));

const packageOf = (files) => (files.some((f) => f.startsWith('filing/')) ? 'filing' : 'main');
const perPackage = new Map();
for (const chunk of stats.chunks) {
  const pkg = packageOf(chunk.files);
  const entry = perPackage.get(pkg) ?? { modules: [], bytes: 0, files: new Set() };
  chunk.files.filter((f) => f.endsWith('.js')).forEach((f) => entry.files.add(f));
  for (const module of chunk.modules ?? []) {
    if (!/shared[\\/]src[\\/]/.test(module.name ?? '')) continue;
    entry.modules.push(module.name.replace(/^.*shared[\\/]src[\\/]/, ''));
    entry.bytes += module.size;
  }
  perPackage.set(pkg, entry);
}
const gzipOf = (files) =>
  files
    .filter((f) => existsSync(join(root, 'miniapp/dist/weapp', f)))
    .reduce((sum, f) => sum + gzipSync(readFileSync(join(root, 'miniapp/dist/weapp', f))).length, 0);
console.log('@beian/shared in the weapp packages (module bytes before minification; package JS gzip for scale):');
for (const [pkg, { modules, bytes, files }] of perPackage) {
  console.log(
    `  ${pkg.padEnd(7)} shared ${(bytes / 1024).toFixed(1)} KB in [${modules.join('; ')}]; package JS ${(gzipOf([...files]) / 1024).toFixed(1)} KB gzip`,
  );
}
