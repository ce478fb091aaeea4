import { randomUUID } from 'node:crypto';
import {
  BIOMETRIC_CONSENT_VERSION,
  type ContinueCode,
  type FilingCodeView,
  type FilingSubjectDetail,
  type Invitation,
  type ResourceChoice,
} from '@beian/shared';
import { freshPersonId, USCC } from '@beian/shared/testing';
import { MessageCentreService } from '../../src/notifications/message-centre.service';
import { fileHere } from '../support/filing-record.fixtures';
import { freshMobile } from '../support/filing-flow';
import { photo } from '../support/media-fixtures';
import { upload } from '../materials/upload-helpers';
import { api, devLogin, useTestApp } from '../support/test-app';

type Operation = { method: string; path: string };
type Login = Awaited<ReturnType<typeof devLogin>>;
type Caller = 'anonymous' | 'other applicant' | 'other invitee' | 'reviewer' | 'admin' | 'owner';

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

/** Whose object a path names, so the matrix knows who its owner is; the owner's invitee holds the invitation token. */
type Holder = 'owner' | 'invitee' | 'staff';
interface ObjectRef {
  /** The path's placeholder and the routes it names that object on (the first matching line wins). */
  param: string;
  on: RegExp;
  holder: Holder;
  value: (o: Objects) => string;
}
interface Objects {
  orderId: string;
  uploadId: string;
  fileId: string;
  invitationId: string;
  invitationToken: string;
  subjectId: string;
  serviceId: string;
  messageId: string;
  continueScene: string;
  /** A photo the owner's invitee uploaded in the invitation. */
  inviteeFileId: string;
  codeId: string;
  serviceCodeId: string;
  instanceId: string;
  ownerUserId: string;
}

/**
 * Every object a path can name, each a real one of the owner (or of their invitee): a new route with a new kind of
 * object needs one line here, else "should name a real object in every path" fails.
 */
const OBJECTS: ObjectRef[] = [
  { param: 'id', on: /^\/api\/filings\/subjects\//, holder: 'owner', value: (o) => o.subjectId },
  { param: 'id', on: /^\/api\/filings\/services\//, holder: 'owner', value: (o) => o.serviceId },
  { param: 'id', on: /^\/api\/messages\//, holder: 'owner', value: (o) => String(o.messageId) },
  { param: 'id', on: /^\/api\/admin\//, holder: 'staff', value: () => randomUUID() },
  // The resources the staff register are keyed by the account's user id: the owner's real instance.
  { param: 'accountId', on: /^\/api\/admin\//, holder: 'staff', value: (o) => o.ownerUserId },
  { param: 'instanceId', on: /^\/api\/admin\//, holder: 'staff', value: (o) => o.instanceId },
  { param: 'id', on: /^\/api\/(orders|review\/orders|regulator-sim\/orders)\//, holder: 'owner', value: (o) => o.orderId },
  { param: 'uploadId', on: /^\/api\/uploads\//, holder: 'owner', value: (o) => o.uploadId },
  { param: 'fileId', on: /\/materials\//, holder: 'owner', value: (o) => o.fileId },
  { param: 'invitationId', on: /\/principals\/invitations\//, holder: 'owner', value: (o) => o.invitationId },
  { param: 'path', on: /\/principals\//, holder: 'owner', value: () => 'websites.0.principal' },
  // The QR code is the inviting owner's: its `{token}` is the invitation's id.
  { param: 'token', on: /^\/api\/invitations\/\{token\}\/wxacode$/, holder: 'owner', value: (o) => o.invitationId },
  { param: 'token', on: /^\/api\/invitations\//, holder: 'invitee', value: (o) => o.invitationToken },
  // A continue code names its order and step; another account's scene is the owner's order.
  { param: 'scene', on: /^\/api\/continue-codes\//, holder: 'owner', value: (o) => o.continueScene },
  { param: 'faceCheckId', on: /^\/api\/review\//, holder: 'staff', value: () => randomUUID() },
  { param: 'token', on: /^\/api\/review\/access\//, holder: 'staff', value: () => 'x'.repeat(40) },
  { param: 'kind', on: /^\/api\/letter-templates\//, holder: 'staff', value: () => 'commitment' },
  { param: 'codeId', on: /^\/api\/codes\/authorization\//, holder: 'owner', value: (o) => o.codeId },
  { param: 'codeId', on: /^\/api\/codes\/service\//, holder: 'owner', value: (o) => o.serviceCodeId },
  // Registering names an instance of the caller's own account (keyed by the session): nobody else's object.
  { param: 'instanceId', on: /^\/api\/sim\/resources\/\{instanceId\}$/, holder: 'staff', value: (o) => o.instanceId },
  { param: 'instanceId', on: /^\/api\/sim\/resources\//, holder: 'owner', value: (o) => o.instanceId },
  // 通知方式: the name of a setting of the caller's own (keyed by the session), nobody's object.
  { param: 'channel', on: /^\/api\/notifications\/result-channels\//, holder: 'staff', value: () => 'email' },
];

const refOf = (op: Operation, param: string) => OBJECTS.find((ref) => ref.param === param && ref.on.test(op.path));
const params = (op: Operation) => [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/** The simulator's controls for tests and demos: reviewers only. */
const SIMULATOR_CONTROLS = new Set(['POST /api/regulator-sim/registry', 'POST /api/regulator-sim/orders/{id}/script']);
const ADMIN_ONLY = (op: Operation) => op.path.startsWith('/api/admin/');
const STAFF_ONLY = (op: Operation) =>
  (/^\/api\/(review|admin)\//.test(op.path) || SIMULATOR_CONTROLS.has(`${op.method} ${op.path}`)) && !PUBLIC.has(`${op.method} ${op.path}`);
/** Acting on someone's order, upload, file, invitation, subject, service or message: only its holder may. */
const ON_SOMEONE_ELSES = (op: Operation) =>
  !STAFF_ONLY(op) && !PUBLIC.has(`${op.method} ${op.path}`) && params(op).some((p) => refOf(op, p)?.holder !== 'staff');
/** The caller's own things, simulators and dev tools: any logged-in account, only its own data. */
const OWN_OR_TOOL = (op: Operation) =>
  /^\/api\/(auth|accounts|codes|orders|sms|messages|notifications|uploads|filing-type|filings|invitations|continue-codes|regulator-sim|sim|dev|resources)(\/|$)/.test(
    op.path,
  ) && !ON_SOMEONE_ELSES(op);
const holderOf = (op: Operation): Holder => (params(op).some((p) => refOf(op, p)?.holder === 'invitee') ? 'invitee' : 'owner');

/** An eligible CVM of the caller's own account in the simulated cloud inventory. */
const SERVER_INSTANCE = {
  type: 'cvm',
  region: 'ap-guangzhou',
  publicIp: '203.0.113.20',
  billingMode: 'prepaid',
  termMonths: 12,
  expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
};

/**
 * A valid request for each operation whose body or query is checked before the caller is: without it the refusal
 * would be the 422 of an empty body, not the object's. Every other operation is called with `{}`.
 */
const VALID_REQUESTS: Record<string, { body?: unknown | ((o: Objects) => unknown); query?: string }> = {
  'PATCH /api/orders/{id}/draft': { body: { version: 1, draft: { subject: { remark: '矩阵' } } } },
  'POST /api/orders/{id}/reopen-fields': { body: { paths: ['subject.name'] } },
  'GET /api/filings/subjects/{id}/export': { query: '?format=csv' },
  'GET /api/orders/{id}/continue-code': { query: '?step=subject' },
  'GET /api/orders/{id}/continue-code/wxacode': { query: '?step=subject' },
  'PUT /api/orders/{id}/cancellation': { body: { serviceIds: [] } },
  'POST /api/orders/{id}/cancellation/codes': { body: { channel: 'sms' } },
  'POST /api/orders/{id}/cancellation/verify': { body: { channel: 'sms', code: '123456' } },
  'PUT /api/orders/{id}/public-security/consent': { body: { choice: 'granted' } },
  'PUT /api/notifications/result-channels/{channel}': { body: { enabled: true } },
  'PUT /api/sim/resources/{instanceId}': { body: SERVER_INSTANCE },
  'POST /api/codes/service/{codeId}/bind': { body: (o: Objects) => ({ instanceId: o.instanceId }) },
  'POST /api/orders/{id}/migration/codes': { body: { principalName: '李四', mobile: '13800138000' } },
  'POST /api/orders/{id}/migration/confirm': { body: { principalName: '李四', mobile: '13800138000', code: '123456', targetAccountId: '100000000001' } },
  'POST /api/orders/{id}/uploads': { body: { kind: 'certificate_back', target: 'subjectPrincipal', contentType: 'image/jpeg', size: 1000 } },
  'POST /api/orders/{id}/ocr': { body: { uploadId: randomUUID(), kind: 'id_card_front' } },
  'POST /api/orders/{id}/principals/{path}/consent': { body: { version: BIOMETRIC_CONSENT_VERSION } },
  'POST /api/orders/{id}/principals/{path}/face-check': { body: { challengeId: randomUUID(), videoFileId: randomUUID() } },
  'POST /api/invitations/{token}/consent': { body: { version: BIOMETRIC_CONSENT_VERSION } },
  'POST /api/invitations/{token}/uploads': { body: { kind: 'certificate_front', contentType: 'image/jpeg', size: 1000 } },
  'POST /api/invitations/{token}/id-photos': { body: (o: Objects) => ({ fileId: o.inviteeFileId }) },
  'POST /api/invitations/{token}/sms-verify': { body: { code: '123456' } },
  'POST /api/invitations/{token}/face-check': { body: { challengeId: randomUUID(), videoFileId: randomUUID() } },
};

/** Refused on the object itself: no session, no role, no such object of theirs, or an invitation another account holds. */
const refused = (answer: { status: number; body: { code?: string } }) => [401, 403, 404].includes(answer.status) || answer.body?.code === 'INVITATION_TAKEN';

describe('hardening: the authorization matrix of every operation in the OpenAPI document', () => {
  const t = useTestApp();
  let operations: Operation[];
  let objects: Objects;
  const callers = {} as Record<Exclude<Caller, 'anonymous'>, Login> & { invitee: Login };

  /** An order of `applicant` whose website principal has accepted an invitation, on their own account. */
  async function invitedOrder(applicant: Login, inviteeName: string) {
    const person = (name: string) => ({ name, certificateType: 'resident_id', certificateNumber: freshPersonId(), mobile: freshMobile() });
    const created = await applicant.client.post('/api/orders', { kind: 'first_filing', subjectType: 'unit', serviceType: 'website' });
    const draft = {
      subject: { name: '北京某某科技有限公司', nature: 'enterprise' },
      subjectPrincipal: person('王五'),
      websites: [{ name: '某某科技官网', domains: ['example.cn'], principal: person('李四') }],
    };
    expect((await applicant.client.patch(`/api/orders/${created.body.id}/draft`, { version: created.body.version, draft })).status).toBe(200);
    const invitation = (await applicant.client.post<Invitation>(`/api/orders/${created.body.id}/principals/websites.0.principal/invitations`)).body;
    const invitee = await devLogin(t.url, `${inviteeName}-${randomUUID().slice(0, 6)}`);
    expect((await invitee.client.post(`/api/invitations/${invitation.token}/accept`)).status).toBe(200);
    return { orderId: created.body.id as string, invitation, invitee };
  }

  beforeAll(async () => {
    const doc = (await api(t.url).get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
    callers.owner = await devLogin(t.url, `owner-${randomUUID().slice(0, 6)}`);
    callers['other applicant'] = await devLogin(t.url, `other-${randomUUID().slice(0, 6)}`);
    callers.reviewer = await devLogin(t.url, `审核员-${randomUUID().slice(0, 6)}`);
    callers.admin = await devLogin(t.url, `管理员-${randomUUID().slice(0, 6)}`);
    const mine = await invitedOrder(callers.owner, 'invitee');
    callers.invitee = mine.invitee;
    callers['other invitee'] = (await invitedOrder(callers['other applicant'], 'other-invitee')).invitee;

    const ticketPath = `/api/orders/${mine.orderId}/uploads`;
    const front = { kind: 'certificate_front', target: 'subjectPrincipal', contentType: 'image/jpeg' };
    const confirmed = await upload(t.url, callers.owner.client, ticketPath, front, await photo());
    const pending = await callers.owner.client.post(ticketPath, { ...front, kind: 'certificate_back', size: 1000 });
    const filed = await fileHere(t, {
      ownerId: callers.owner.user.id,
      certificateNumber: freshPersonId(),
      subjectIcpNumber: `京ICP备${Date.now() % 1e10}号`,
      nature: 'personal',
      services: [{ name: 'matrix.invalid' }],
    });
    const subject = await callers.owner.client.get<FilingSubjectDetail>(`/api/filings/subjects/${filed.subjectId}`);
    const message = await t.app.get(MessageCentreService).record({
      userId: callers.owner.user.id,
      orderId: mine.orderId,
      type: 'initial_review_approved',
      title: '初审通过',
      body: '您的备案已通过初审',
      dedupeKey: `matrix:${randomUUID()}`,
    });
    const inviteePhoto = await upload(
      t.url,
      callers.invitee.client,
      `/api/invitations/${mine.invitation.token}/uploads`,
      { ...front, target: undefined },
      await photo(),
    );
    const continueCode = await callers.owner.client.get<ContinueCode>(`/api/orders/${mine.orderId}/continue-code?step=subject`);
    // 企业认证 lets the owner generate a 备案授权码 on a simulated server.
    await callers.owner.client.kit.ok('企业认证', 'POST', '/api/accounts/me/real-name', {
      type: 'enterprise',
      name: '矩阵科技有限公司',
      certificateNumber: USCC,
    });
    const instance = await callers.owner.client.kit.ok<ResourceChoice>('instance', 'PUT', '/api/sim/resources/ins-matrix', SERVER_INSTANCE);
    const { accountId } = await callers.owner.client.kit.ok<{ accountId: string }>('account', 'GET', '/api/accounts/me');
    const code = await callers.owner.client.kit.ok<FilingCodeView>('授权码', 'POST', '/api/codes/authorization', {
      instanceId: instance.instanceId,
      targetAccountId: accountId,
    });
    // 服务码 未绑定实例 granted to the other applicant (first grant: the owner's phone code): the owner binds it.
    const other = await callers['other applicant'].client.kit.ok<{ accountId: string }>('account', 'GET', '/api/accounts/me');
    const grantMobile = freshMobile();
    await callers.owner.client.kit.ok('grant SMS code', 'POST', '/api/sms/codes', { mobile: grantMobile, purpose: 'code_grant' });
    const [sent] = await callers.owner.client.kit.devSmsOutbox(grantMobile);
    const [serviceCode] = await callers.owner.client.kit.ok<FilingCodeView[]>('服务码', 'POST', '/api/codes/service/grants', {
      count: 1,
      targetAccountId: other.accountId,
      mobile: grantMobile,
      smsCode: sent!.code,
    });
    objects = {
      codeId: code.codeId,
      serviceCodeId: serviceCode!.codeId,
      instanceId: instance.instanceId,
      ownerUserId: callers.owner.user.id,
      orderId: mine.orderId,
      uploadId: pending.body.uploadId,
      fileId: confirmed.body.fileId,
      invitationId: mine.invitation.invitationId,
      invitationToken: mine.invitation.token,
      subjectId: filed.subjectId,
      serviceId: subject.body.services[0]!.id,
      messageId: String(message.id),
      continueScene: continueCode.body.scene,
      inviteeFileId: inviteePhoto.body.fileId,
    };
  });

  const urlOf = (op: Operation) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => refOf(op, name)!.value(objects));
  /** By fetch: some answers are files (the QR code PNG, the exports). */
  const call = async (op: Operation, token?: string) => {
    const valid = VALID_REQUESTS[`${op.method} ${op.path}`] ?? {};
    const hasBody = !['GET', 'DELETE'].includes(op.method);
    const res = await fetch(`${t.url}${urlOf(op)}${valid.query ?? ''}`, {
      method: op.method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(hasBody ? { 'content-type': 'application/json' } : {}) },
      body: hasBody ? JSON.stringify((typeof valid.body === 'function' ? valid.body(objects) : valid.body) ?? {}) : undefined,
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') && text ? (JSON.parse(text) as { code?: string }) : {};
    return { status: res.status, body: json };
  };
  const answersOf = async (ops: Operation[], token?: string) => {
    const answers = [];
    for (const op of ops) {
      const answer = await call(op, token);
      answers.push({ op: `${op.method} ${op.path}`, status: answer.status, code: answer.body?.code, refused: refused(answer) });
    }
    return answers;
  };
  const notPublic = () => operations.filter((op) => !PUBLIC.has(`${op.method} ${op.path}`));

  it('should find every operation of the document in the matrix', () => {
    const unclassified = operations.filter((op) => !PUBLIC.has(`${op.method} ${op.path}`) && !STAFF_ONLY(op) && !ON_SOMEONE_ELSES(op) && !OWN_OR_TOOL(op));

    expect(operations.length).toBeGreaterThan(40);
    expect(unclassified).toEqual([]);
  });

  it('should name a real object in every path', () => {
    const unnamed = operations.flatMap((op) =>
      params(op)
        .filter((p) => !refOf(op, p))
        .map((p) => `${op.method} ${op.path}: {${p}}`),
    );

    expect(unnamed).toEqual([]);
    expect(Object.entries(objects).filter(([, value]) => typeof value !== 'string' || !value)).toEqual([]);
  });

  it('should refuse every operation but the public ones to an anonymous caller', async () => {
    const answers = await answersOf(notPublic());

    expect(answers.filter((a) => a.status !== 401)).toEqual([]);
  });

  it.each(['other applicant', 'other invitee', 'reviewer', 'admin'] as const)(
    "should refuse the %s every operation on the owner's order, upload, file, invitation, subject, service or message",
    async (caller) => {
      const answers = await answersOf(operations.filter(ON_SOMEONE_ELSES), callers[caller].token);

      expect(answers.filter((a) => !a.refused)).toEqual([]);
    },
  );

  it.each(['owner', 'other applicant', 'other invitee'] as const)('should refuse the %s every staff operation', async (caller) => {
    const answers = await answersOf(operations.filter(STAFF_ONLY), callers[caller].token);

    expect(answers.filter((a) => a.status !== 403)).toEqual([]);
  });

  it('should refuse a reviewer the admin operations, and let the reviewer and the admin through every staff operation they hold', async () => {
    const reviewerOnAdmin = await answersOf(operations.filter(ADMIN_ONLY), callers.reviewer.token);
    const reviewerOnReview = await answersOf(
      operations.filter((op) => STAFF_ONLY(op) && !ADMIN_ONLY(op)),
      callers.reviewer.token,
    );
    const adminOnStaff = await answersOf(operations.filter(STAFF_ONLY), callers.admin.token);

    expect(reviewerOnAdmin.filter((a) => a.status !== 403)).toEqual([]);
    expect(reviewerOnReview.filter((a) => a.status === 401 || a.status === 403)).toEqual([]);
    expect(adminOnStaff.filter((a) => a.status === 401 || a.status === 403)).toEqual([]);
  });

  // Last: the owner's calls change the objects (withdraw, revoke, delete, log out).
  it("should let the owner (and the owner's invitee on the invitation) through every operation on their own objects", async () => {
    const destructiveLast = (op: Operation) => (op.path === '/api/auth/logout' ? 2 : op.method === 'DELETE' ? 1 : 0);
    const own = notPublic()
      .filter((op) => !STAFF_ONLY(op) && (ON_SOMEONE_ELSES(op) || OWN_OR_TOOL(op)))
      // The invitee's calls come before the owner's, which may revoke the invitation.
      .sort((a, b) => destructiveLast(a) - destructiveLast(b) || Number(holderOf(a) === 'owner') - Number(holderOf(b) === 'owner'));
    const answers = [];
    for (const op of own) {
      const caller = holderOf(op) === 'invitee' ? callers.invitee : callers.owner;
      const [answer] = await answersOf([op], caller.token);
      answers.push(answer!);
    }

    expect(answers.filter((a) => a.refused)).toEqual([]);
  });
});
