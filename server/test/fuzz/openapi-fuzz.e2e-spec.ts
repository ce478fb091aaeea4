import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { api, devLogin, useTestApp } from '../support/test-app';
import { bodyFor, headersFor, pathValue, queryFor, type Body, type JsonSchema, type Operation } from './openapi-arbitraries';

/**
 * Generated bad requests for every operation of the OpenAPI document, from four callers (anonymous, applicant,
 * reviewer, admin), eight at a time. `FUZZ_RUNS_PER_OPERATION` sets the count (default 20: about 1,300 requests,
 * well under two minutes on two cores); the full probe is
 * `FUZZ_RUNS_PER_OPERATION=1000 npx jest test/fuzz` (and again with TEST_MYSQL_URL). `FUZZ_SEED` replays a run.
 */
const RUNS = Number(process.env.FUZZ_RUNS_PER_OPERATION ?? 20);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const CONCURRENCY = 8;
/** Moving the simulated time would expire the callers' sessions halfway; the route is the simulators' own. */
const SKIPPED = new Set(['POST /api/dev/clock/advance']);

interface Finding {
  request: string;
  status: number;
  body: string;
}

function operationsOf(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: ((op.parameters as Operation['parameters'] | undefined) ?? []).map(({ name, in: where }) => ({ name, in: where })),
      body: ((op.requestBody as { content?: Record<string, { schema?: JsonSchema }> } | undefined)?.content?.['application/json']?.schema ??
        null) as JsonSchema | null,
    })),
  );
}

/** An error answer is the one error body: a code and a Chinese message, never a stack or a driver's words. */
function problemWith(status: number, text: string): string | null {
  if (status >= 500) return 'server error';
  if (/\bat \S+ \(|\.(?:js|ts):\d+|\bSQLITE_|\bER_[A-Z_]+|QueryFailedError|TypeError|"stack"/.test(text)) return 'leaks internals';
  if (status < 400) return null;
  if (status === 404 && text === '') return null;
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    return typeof body.code === 'string' && typeof body.message === 'string' ? null : 'error body without code and message';
  } catch {
    return 'error body not JSON';
  }
}

async function pool<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) await run(items[next++]!);
    }),
  );
}

describe('fuzz: generated bad requests for every operation of the OpenAPI document', () => {
  const t = useTestApp({ SIMULATORS_ENABLED: 'true' });
  let operations: Operation[];

  beforeAll(async () => {
    operations = operationsOf((await api(t.url).get('/api/docs-json')).body).filter((op) => !SKIPPED.has(`${op.method} ${op.path}`));
  });

  it(`should answer ${RUNS} generated requests per operation without a 5xx, a stack or a malformed error, and stay healthy`, async () => {
    const witness = await devLogin(t.url, `witness-${randomUUID().slice(0, 6)}`);
    const witnessOrder = (await witness.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body;
    await witness.client.patch(`/api/orders/${witnessOrder.id}/draft`, { version: witnessOrder.version, draft: { subject: { name: '见证人' } } });
    const before = (await witness.client.get(`/api/orders/${witnessOrder.id}?reveal=true`)).body;

    const findings: Finding[] = [];
    let sent = 0;
    for (const [index, operation] of operations.entries()) {
      // Fresh sessions per operation: a fuzzed logout must not leave the rest of the run anonymous.
      const applicant = await devLogin(t.url, `fuzz-${index}`);
      const reviewer = await devLogin(t.url, `审核员-fuzz-${index}`);
      const admin = await devLogin(t.url, `管理员-fuzz-${index}`);
      const orderId =
        (await applicant.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id ?? randomUUID();
      const known = [orderId, randomUUID(), 'subjectPrincipal', 'websites.0.principal'];
      const request = fc.record({
        caller: fc.constantFrom(undefined, applicant.token, reviewer.token, admin.token),
        path: fc
          .tuple(...operation.path.split(/(\{\w+\})/).map((part) => (/^\{\w+\}$/.test(part) ? pathValue(known) : fc.constant(part))))
          .map((parts) => parts.join('')),
        query: queryFor(operation),
        headers: headersFor(operation),
        body: bodyFor(operation),
      });
      const samples = fc.sample(request, { numRuns: RUNS, seed: SEED + index });
      await pool(samples, async (sample) => {
        const headers: Record<string, string> = { ...sample.headers };
        if (sample.caller) headers.authorization = `Bearer ${sample.caller}`;
        const body = sample.body as Body;
        let payload: string | undefined;
        if (body.kind === 'json' && operation.method !== 'GET') {
          headers['content-type'] = 'application/json';
          payload = JSON.stringify(body.value) ?? 'null';
        } else if (body.kind === 'raw' && operation.method !== 'GET') {
          headers['content-type'] = body.contentType;
          payload = body.text;
        }
        const url = `${t.url}${sample.path}${sample.query ? `?${sample.query}` : ''}`;
        const res = await fetch(url, { method: operation.method, headers, body: payload });
        const text = await res.text();
        sent += 1;
        const problem = problemWith(res.status, text);
        if (problem)
          findings.push({
            request: `${operation.method} ${sample.path} ${payload?.slice(0, 200) ?? ''} (${problem})`,
            status: res.status,
            body: text.slice(0, 300),
          });
      });
    }

    expect(sent).toBe(operations.length * RUNS);
    expect(findings).toEqual([]);
    expect((await api(t.url).get('/api/health/ready')).status).toBe(200);
    expect((await witness.client.get(`/api/orders/${witnessOrder.id}?reveal=true`)).body).toEqual(before);
  }, 600_000);
});
