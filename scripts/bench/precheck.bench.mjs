#!/usr/bin/env node
// Pre-check of a unit order with 10 websites and 3 principals: field validation + province/cross-field rules,
// as the server runs them on submit and the mini-program on the review page. Uses the built @beian/shared.
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const require = createRequire(new URL('../../shared/package.json', import.meta.url));
const { precheck, validateDraftForSubmit } = require('./dist/index.js');
const { unitDraft, unitCtx, website, principal } = require('./dist/testing/index.js');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 400);

const people = [
  principal(),
  principal({ name: '李四', certificateNumber: '110101199003078515', mobile: '13900139000', email: 'lisi@example.com' }),
  principal({ name: '王五', certificateNumber: '440306198512240028', mobile: '13700137000', email: 'wangwu@example.com' }),
];
const websites = Array.from({ length: 10 }, (_, i) =>
  website({ name: `示例科技产品站${'一二三四五六七八九十'[i]}`, domains: [`example${i}.com`], principal: people[i % 3] }),
);
const draft = unitDraft({ websites });
const ctx = unitCtx({ now: new Date() });

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

console.log(`pre-check bench: unit order, ${websites.length} websites, ${people.length} principals, ${RUNS} runs × ${ITERATIONS}`);
const findings = [...validateDraftForSubmit(draft, ctx), ...precheck(draft, ctx)];
console.log(`  findings on the bench draft: ${findings.length} (${findings.map((f) => f.code).join(', ') || 'none'})`);
for (let i = 0; i < 200; i++) precheck(draft, ctx); // warm-up
for (let run = 1; run <= RUNS; run++) {
  const times = [];
  for (let i = 0; i < ITERATIONS; i++) {
    const start = performance.now();
    validateDraftForSubmit(draft, ctx);
    precheck(draft, ctx);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(`  run ${run}: median ${percentile(times, 50).toFixed(3)} ms, p99 ${percentile(times, 99).toFixed(3)} ms`);
}
