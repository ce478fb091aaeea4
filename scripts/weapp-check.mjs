#!/usr/bin/env node
// Checks the weapp build (run after `pnpm --filter @beian/miniapp build:weapp`):
// compiles every WXML/WXSS with WeChat's own compilers (wcc/wcsc from miniprogram-compiler),
// asserts app.json's pages and subpackages, and measures each package against WeChat's 2048 KB limit.
// Usage: node scripts/weapp-check.mjs [dist/weapp folder]
// Prints a human summary, then the findings as one JSON line (the last line of stdout).
// Exit code 0 when everything passes, 1 otherwise.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const MINIAPP_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../miniapp');
const DIST = path.resolve(process.argv[2] ?? path.join(MINIAPP_DIR, 'dist/weapp'));
const PACKAGE_LIMIT_KB = 2048;
/** Must match miniapp/src/app.config.ts; further pages may be added there without changing this list. */
const EXPECTED_PAGES = ['pages/index/index', 'pages/progress/index', 'pages/login/index'];
const EXPECTED_SUBPACKAGES = { filing: ['pages/start/index'] };
/** Files of the project folder that are not uploaded as package code. */
const NOT_PACKAGE_CODE = /(^|\/)project(\.private)?\.config\.json$|\.map$/;

const require = createRequire(path.join(MINIAPP_DIR, 'package.json'));
const compiler = require('miniprogram-compiler');

const errors = [];

function listFiles(dir, prefix = '') {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), relative) : [relative];
  });
}

/** Runs compiler output the way the WeChat view layer does, in a sandbox with the few browser globals it reads. */
function runCompiled(code, styleSheets = {}) {
  const sandbox = {
    navigator: { userAgent: 'weapp-check' },
    screen: { width: 375, height: 667 },
    devicePixelRatio: 2,
    console: { log() {}, warn() {}, error: (message) => errors.push(`wxss: ${message}`) },
    __styleSheetManager2__: { addItem() {}, setCss: (key, css) => (styleSheets[key] = css) },
  };
  sandbox.window = sandbox;
  return vm.runInNewContext(`(function (global) {${code}\n})(this)`, sandbox, { timeout: 30_000 });
}

function checkWxml(files) {
  let $gwx;
  try {
    $gwx = runCompiled(compiler.wxmlToJs(DIST, { wxmlList: files, maxBuffer: 256 * 1024 * 1024 }));
  } catch (error) {
    errors.push(`wxml: ${error.message.trim()}`);
    return;
  }
  for (const file of files) {
    const generate = $gwx(file);
    if (typeof generate !== 'function') {
      errors.push(`wxml: ${file} was not compiled`);
      continue;
    }
    try {
      generate({}, {}, {});
    } catch (error) {
      errors.push(`wxml: ${file} fails to render: ${error.message}`);
    }
  }
}

/** `wxssToJs` hides wcsc's message on failure, so a failing file is compiled alone to show why. */
function explainWxssFailure(files) {
  const wcsc = require('miniprogram-compiler/src/wcsc');
  for (const file of files) {
    const result = wcsc(DIST, [file.replace(/\.wxss$/, '')]);
    if (result instanceof Error) errors.push(`wxss: ${file}: ${result.message.trim()}`);
  }
}

/** Tag, ID and attribute selectors are refused only in custom components' stylesheets (not in app.wxss or pages). */
function isComponentStyle(file) {
  const json = path.join(DIST, file.replace(/\.wxss$/, '.json'));
  return existsSync(json) && JSON.parse(readFileSync(json, 'utf8')).component === true;
}

function checkWxss(files) {
  let lookup;
  try {
    lookup = runCompiled(compiler.wxssToJs(DIST, { wxssList: files, maxBuffer: 256 * 1024 * 1024 }));
  } catch {
    explainWxssFailure(files);
    if (!errors.some((error) => error.startsWith('wxss:'))) errors.push('wxss: the stylesheets could not be compiled');
    return;
  }
  for (const file of files) {
    const setCss = lookup(file);
    if (typeof setCss !== 'function') {
      errors.push(`wxss: ${file} was not compiled`);
      continue;
    }
    setCss('', { allowIllegalSelector: !isComponentStyle(file) });
  }
}

function pageFiles(page) {
  return ['.js', '.json', '.wxml'].map((extension) => `${page}${extension}`);
}

function checkAppJson(files) {
  const app = JSON.parse(readFileSync(path.join(DIST, 'app.json'), 'utf8'));
  const pages = app.pages ?? [];
  const subPackages = app.subPackages ?? app.subpackages ?? [];
  for (const page of EXPECTED_PAGES) if (!pages.includes(page)) errors.push(`app.json: page ${page} is missing`);
  for (const [root, expected] of Object.entries(EXPECTED_SUBPACKAGES)) {
    const subPackage = subPackages.find((candidate) => candidate.root.replace(/\/$/, '') === root);
    if (!subPackage) errors.push(`app.json: subpackage ${root} is missing`);
    for (const page of expected) {
      if (!subPackage?.pages.includes(page)) errors.push(`app.json: subpackage page ${root}/${page} is missing`);
    }
  }
  const allPages = [...pages, ...subPackages.flatMap((subPackage) => subPackage.pages.map((page) => `${subPackage.root.replace(/\/$/, '')}/${page}`))];
  for (const page of allPages) {
    for (const file of pageFiles(page)) if (!files.includes(file)) errors.push(`app.json: ${file} does not exist`);
  }
  return { pages, subPackages: subPackages.map((subPackage) => subPackage.root.replace(/\/$/, '')), allPages };
}

function measurePackages(files, subPackageRoots) {
  const bytes = { main: 0 };
  for (const root of subPackageRoots) bytes[root] = 0;
  for (const file of files) {
    if (NOT_PACKAGE_CODE.test(file)) continue;
    const owner = subPackageRoots.find((root) => file.startsWith(`${root}/`)) ?? 'main';
    bytes[owner] += statSync(path.join(DIST, file)).size;
  }
  const kb = Object.fromEntries(Object.entries(bytes).map(([name, size]) => [name, Math.round((size / 1024) * 10) / 10]));
  for (const [name, size] of Object.entries(kb)) {
    if (size > PACKAGE_LIMIT_KB) errors.push(`size: package ${name} is ${size} KB, over WeChat's ${PACKAGE_LIMIT_KB} KB limit`);
  }
  const totalKb = Math.round(Object.values(bytes).reduce((sum, size) => sum + size, 0) / 102.4) / 10;
  return { kb, totalKb };
}

function main() {
  if (!existsSync(path.join(DIST, 'app.json'))) {
    console.error(`weapp-check: ${DIST}/app.json not found; run \`pnpm --filter @beian/miniapp build:weapp\` first`);
    console.log(JSON.stringify({ ok: false, dist: DIST, errors: ['app.json not found'] }));
    process.exit(1);
  }
  const files = listFiles(DIST);
  const wxml = files.filter((file) => file.endsWith('.wxml'));
  const wxss = files.filter((file) => file.endsWith('.wxss'));

  const app = checkAppJson(files);
  checkWxml(wxml);
  checkWxss(wxss);
  const sizes = measurePackages(files, app.subPackages);

  console.log(`weapp-check: ${DIST}`);
  console.log(`  compiled ${wxml.length} WXML and ${wxss.length} WXSS files with wcc/wcsc`);
  console.log(`  pages: ${app.allPages.join(', ')}`);
  for (const [name, size] of Object.entries(sizes.kb)) {
    console.log(`  package ${name.padEnd(8)} ${String(size).padStart(8)} KB (limit ${PACKAGE_LIMIT_KB} KB)`);
  }
  console.log(`  total            ${String(sizes.totalKb).padStart(8)} KB`);
  for (const error of errors) console.log(`  ERROR ${error}`);
  console.log(errors.length === 0 ? 'weapp-check: passed' : `weapp-check: ${errors.length} error(s)`);

  console.log(
    JSON.stringify({
      ok: errors.length === 0,
      dist: DIST,
      wxmlFiles: wxml.length,
      wxssFiles: wxss.length,
      pages: app.pages,
      subPackages: app.subPackages,
      packagesKb: sizes.kb,
      totalKb: sizes.totalKb,
      limitKb: PACKAGE_LIMIT_KB,
      errors,
    }),
  );
  process.exit(errors.length === 0 ? 0 : 1);
}

main();
