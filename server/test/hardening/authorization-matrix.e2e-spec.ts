import { randomUUID } from 'node:crypto';
import { api, devLogin, startTestApp, type TestApp } from '../support/test-app';

type Operation = { method: string; path: string };

/** Operations that need no login, by design: health, the logins, the simulated MIIT form and signed staff links. */
const PUBLIC = new Set([
  'GET /api/health',
  'GET /api/health/live',
  'GET /api/health/ready',
  'POST /api/auth/wechat-login',
  'POST /api/auth/dev-login',
  'POST /api/regulator-sim/sms-verify',
  'GET /api/review/access/{token}',
  // 承诺书 / 授权书 templates: generated blank forms, no personal data.
  'GET /api/letter-templates/{kind}',
]);

/** Who may call an operation besides the anonymous refusal: every operation of the document must be in one group. */
const STAFF_ONLY = (op: Operation) => /^\/api\/(review|admin)\//.test(op.path) && op.path !== '/api/review/access/{token}';
const ADMIN_ONLY = (op: Operation) => op.path.startsWith('/api/admin/');
/** Acting on another account's order, upload, file or invitation: the other applicant must get nothing. */
const ON_SOMEONE_ELSES = (op: Operation) => /\{(id|uploadId|fileId|invitationId)\}/.test(op.path) && !STAFF_ONLY(op);
/** The caller's own things, simulators and dev tools: any logged-in account, only its own data. */
const OWN_OR_TOOL = (op: Operation) =>
  /^\/api\/(auth|orders|sms|messages|notifications|uploads|filing-type|filings|invitations|continue-codes|regulator-sim|dev)(\/|$)/.test(op.path) &&
  !ON_SOMEONE_ELSES(op);

/** 422 counts as refused too: a body is checked before the owner is, and nothing is done either way. */
const refused = (status: number) => status === 401 || status === 403 || status === 404 || status === 422;

describe('hardening: the authorization matrix of every operation in the OpenAPI document', () => {
  let t: TestApp;
  let operations: Operation[];
  const ids: Record<string, string> = {};
  let owner: Awaited<ReturnType<typeof devLogin>>;
  let other: Awaited<ReturnType<typeof devLogin>>;
  let reviewer: Awaited<ReturnType<typeof devLogin>>;

  beforeAll(async () => {
    t = await startTestApp();
    const doc = (await api(t.url).get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
    owner = await devLogin(t.url, `owner-${randomUUID().slice(0, 6)}`);
    other = await devLogin(t.url, `other-${randomUUID().slice(0, 6)}`);
    reviewer = await devLogin(t.url, `审核员-${randomUUID().slice(0, 6)}`);
    ids.id = (await owner.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
    const ticket = await owner.client.post(`/api/orders/${ids.id}/uploads`, {
      kind: 'certificate_front',
      target: 'subjectPrincipal',
      contentType: 'image/jpeg',
      size: 1000,
    });
    ids.uploadId = ticket.body.uploadId;
    ids.fileId = ticket.body.uploadId;
    ids.invitationId = randomUUID();
  });
  afterAll(() => t.close());

  const call = (op: Operation, token?: string) => {
    const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? (name === 'path' ? 'subjectPrincipal' : 'x'.repeat(40)));
    return api(t.url, token).raw(op.method as never, url, ['GET', 'DELETE'].includes(op.method) ? undefined : {});
  };

  it('should find every operation of the document in the matrix', () => {
    const unclassified = operations.filter((op) => !PUBLIC.has(`${op.method} ${op.path}`) && !STAFF_ONLY(op) && !ON_SOMEONE_ELSES(op) && !OWN_OR_TOOL(op));

    expect(operations.length).toBeGreaterThan(40);
    expect(unclassified).toEqual([]);
  });

  it('should refuse every operation but the public ones to an anonymous caller', async () => {
    const answers = [];
    for (const op of operations.filter((o) => !PUBLIC.has(`${o.method} ${o.path}`)))
      answers.push({ op: `${op.method} ${op.path}`, status: (await call(op)).status });

    expect(answers.filter((a) => a.status !== 401)).toEqual([]);
  });

  it("should refuse another applicant every operation on the owner's order, upload or file, and every staff operation", async () => {
    const answers = [];
    for (const op of operations.filter((o) => ON_SOMEONE_ELSES(o) || STAFF_ONLY(o))) {
      answers.push({ op: `${op.method} ${op.path}`, status: (await call(op, other.token)).status });
    }

    expect(answers.filter((a) => !refused(a.status))).toEqual([]);
  });

  it('should refuse a reviewer the admin operations and the applicant operations on an order that is not theirs', async () => {
    const answers = [];
    for (const op of operations.filter((o) => ADMIN_ONLY(o) || ON_SOMEONE_ELSES(o))) {
      answers.push({ op: `${op.method} ${op.path}`, status: (await call(op, reviewer.token)).status });
    }

    expect(answers.filter((a) => !refused(a.status))).toEqual([]);
  });
});
