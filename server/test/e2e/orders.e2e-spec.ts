import { randomUUID } from 'node:crypto';
import { PERSON_ID, personalDraft, website } from '@beian/shared/testing';
import { withFreshPerson } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';

const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };
const ID_NUMBER = PERSON_ID;
const MOBILE = '13800138000';
const skeletonDraft = personalDraft;

describe('orders: the skeleton of a personal first filing', () => {
  const t = useTestApp();

  const newApplicant = () => devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`);

  it('should take a draft to 待初审 with a timeline when the applicant saves and submits', async () => {
    const { client } = await newApplicant();

    const created = await client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': randomUUID() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', version: 1, kind: 'first_filing' });

    const saved = await client.patch(`/api/orders/${created.body.id}/draft`, { version: 1, draft: skeletonDraft() });
    expect(saved).toEqual({ status: 200, body: { version: 2, savedAt: expect.any(String) } });
    await client.kit.makeSubmittable(created.body.id, withFreshPerson(skeletonDraft()), await submittableMedia());

    const submitted = await client.post(`/api/orders/${created.body.id}/submit`, {}, { 'idempotency-key': randomUUID() });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'pending_initial_review', statusLabel: '待初审' });

    const progress = await client.get(`/api/orders/${created.body.id}`);
    expect(progress.body.statusLabel).toBe('待初审');
    expect(progress.body.nextStep).toEqual(expect.any(String));
    expect(progress.body.timeline.map((e: { to: string }) => e.to)).toEqual(['draft', 'pending_initial_review']);
    expect(progress.body.timeline[1]).toMatchObject({ from: 'draft', actor: 'applicant', toLabel: '待初审' });
  });

  it('should answer the server’s time with the order when the applicant reads it, for the wizard’s today', async () => {
    const { client } = await newApplicant();
    const created = await client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': randomUUID() });

    const order = await client.get(`/api/orders/${created.body.id}`);

    expect(order.body.now).toBe(t.clock.now().toISOString());
  });

  it('should write the submission event to the outbox in the same transaction', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(skeletonDraft()), await submittableMedia());

    await client.post(`/api/orders/${order.id}/submit`);

    const rows = await t.db.dataSource.query(`SELECT type, payload FROM outbox_messages WHERE aggregate_id = '${order.id}'`);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].payload)).toMatchObject({ from: 'draft', to: 'pending_initial_review', event: 'submit' });
  });

  it('should create one order when the same create request is retried with its Idempotency-Key', async () => {
    const { client } = await newApplicant();
    const key = randomUUID();

    const [a, b] = await Promise.all([
      client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key }),
      client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key }),
    ]);
    const c = await client.post('/api/orders', PERSONAL_WEBSITE, { 'idempotency-key': key });

    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect((await client.get('/api/orders')).body).toHaveLength(1);
  });

  it('should name each order’s sites and APPs in the order list when the applicant has typed them', async () => {
    const { client } = await newApplicant();
    const created = await client.post('/api/orders', PERSONAL_WEBSITE);
    expect((await client.get('/api/orders')).body[0].servicesText).toBe('');

    const websites = [{ name: '张三的读书笔记', domains: ['zhangsan-reading.com', 'www.zhangsan-reading.com'] }];
    const apps = [{ name: '读书助手' }];
    expect((await client.patch(`/api/orders/${created.body.id}/draft`, { version: 1, draft: { websites, apps } })).status).toBe(200);
    const [listed] = (await client.get('/api/orders')).body;
    expect(listed.servicesText).toBe('张三的读书笔记 zhangsan-reading.com、读书助手');
    expect((await client.get(`/api/orders/${created.body.id}`)).body.servicesText).toBe(listed.servicesText);
  });

  it('should refuse a second order while one is in flight', async () => {
    const { client } = await newApplicant();
    const first = await client.post('/api/orders', PERSONAL_WEBSITE);

    const second = await client.post('/api/orders', PERSONAL_WEBSITE);

    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'ORDER_IN_FLIGHT', details: { orderId: first.body.id } });
  });

  it('should submit once when the submit tap is doubled', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(skeletonDraft()), await submittableMedia());
    const key = randomUUID();

    const answers = await Promise.all([1, 2].map(() => client.post(`/api/orders/${order.id}/submit`, {}, { 'idempotency-key': key })));

    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    const timeline = (await client.get(`/api/orders/${order.id}`)).body.timeline;
    expect(timeline.filter((e: { to: string }) => e.to === 'pending_initial_review')).toHaveLength(1);
  });

  it('should answer a stale save with 409 and the server copy, leaving the newer save intact', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: { subject: { name: '手机上的名字' } } });

    const stale = await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: { subject: { name: '电脑上的名字' } } });

    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'VERSION_CONFLICT', details: { version: 2, draft: { subject: { name: '手机上的名字' } } } });
    expect((await client.get(`/api/orders/${order.id}`)).body.draft.subject.name).toBe('手机上的名字');
  });

  it('should mask personal data by default, reveal it to the owner on request and store it encrypted', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: skeletonDraft() });

    const masked = (await client.get(`/api/orders/${order.id}`)).body.draft;
    const revealed = (await client.get(`/api/orders/${order.id}?reveal=true`)).body.draft;
    const stored = await t.db.dataSource.query(`SELECT data FROM order_draft_sections WHERE order_id = '${order.id}'`);

    expect(masked.subject.certificateNumber).toBe('1101**********002X');
    expect(masked.subjectPrincipal.mobile).toBe('138****8000');
    expect(revealed.subject.certificateNumber).toBe(ID_NUMBER);
    const raw = stored.map((r: { data: string }) => r.data).join('\n');
    expect(raw).toContain('张三');
    expect(raw).not.toContain(ID_NUMBER);
    expect(raw).not.toContain(MOBILE);
  });

  it('should keep sections that a save does not mention', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: skeletonDraft() });

    await client.patch(`/api/orders/${order.id}/draft`, { version: 2, draft: { websites: [{ name: '新名字的网站', domains: ['zhangsan-notes.com'] }] } });

    const draft = (await client.get(`/api/orders/${order.id}?reveal=true`)).body.draft;
    expect(draft.subject).toEqual(personalDraft().subject);
    expect(draft.websites[0].name).toBe('新名字的网站');
  });

  it('should refuse submission with a Chinese message on each wrong field and keep the draft', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    const base = personalDraft();
    const bad = personalDraft({
      subject: { ...base.subject, certificateNumber: '110101194912310021' },
      websites: [website({ name: 'abc', domains: ['zhangsan.io'] })],
    });
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: bad });

    const res = await client.post(`/api/orders/${order.id}/submit`);

    expect(res.status).toBe(422);
    const paths = res.body.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['subject.certificateNumber', 'websites.0.name', 'websites.0.domains.0']));
    for (const field of res.body.fields) expect(field.message).toMatch(/[\u4e00-\u9fa5]/);
    const after = (await client.get(`/api/orders/${order.id}?reveal=true`)).body;
    expect(after.status).toBe('draft');
    expect(after.draft.subject.certificateNumber).toBe('110101194912310021');
  });

  it('should list what still blocks submission on the precheck endpoint', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: { subject: { name: '张三' } } });

    const res = await client.get(`/api/orders/${order.id}/precheck`);

    expect(res.status).toBe(200);
    expect(res.body.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['subject.certificateNumber', 'websites']));
    expect(Array.isArray(res.body.findings)).toBe(true);
  });

  it('should refuse submission on a pre-check error with the rule on its field', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    const base = personalDraft();
    const ready = await client.kit.makeSubmittable(order.id, withFreshPerson(base), await submittableMedia());
    const sameEmergency = { ...ready, subjectPrincipal: { ...ready.subjectPrincipal, emergencyPhone: ready.subjectPrincipal!.mobile } };
    await client.patch(`/api/orders/${order.id}/draft`, { version: (await client.get(`/api/orders/${order.id}`)).body.version, draft: sameEmergency });

    const res = await client.post(`/api/orders/${order.id}/submit`);

    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PRECHECK_FAILED');
    expect(res.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'subjectPrincipal.emergencyPhone' })]));
  });

  it('should refuse a draft of the wrong shape with the field path', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;

    const res = await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: { websites: 'not a list' } });

    expect(res.status).toBe(422);
    expect(res.body.fields[0].path).toBe('draft.websites');
  });

  it("should answer 404 for another account's order and for a malformed id", async () => {
    const owner = await newApplicant();
    const other = await newApplicant();
    const order = (await owner.client.post('/api/orders', PERSONAL_WEBSITE)).body;

    expect((await other.client.get(`/api/orders/${order.id}`)).body.code).toBe('ORDER_NOT_FOUND');
    const foreignSave = await other.client.patch(`/api/orders/${order.id}/draft`, { version: order.version, draft: { subject: { name: '王五' } } });
    expect(foreignSave.body.code).toBe('ORDER_NOT_FOUND');
    expect((await owner.client.get(`/api/orders/${order.id}`)).body).toMatchObject({ version: order.version, draft: {} });
    expect((await other.client.post(`/api/orders/${order.id}/submit`)).status).toBe(404);
    expect((await owner.client.get('/api/orders/not-an-id')).status).toBe(404);
  });

  it('should refuse editing once submitted', async () => {
    const { client } = await newApplicant();
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.kit.makeSubmittable(order.id, withFreshPerson(skeletonDraft()), await submittableMedia());
    const submitted = (await client.post(`/api/orders/${order.id}/submit`)).body;

    const res = await client.patch(`/api/orders/${order.id}/draft`, { version: submitted.version, draft: { subject: { name: '李四' } } });

    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ORDER_NOT_EDITABLE');
  });
});
