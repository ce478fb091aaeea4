import { PERSON_ID, USCC } from '@beian/shared/testing';
import { devLogin, useTestApp } from '../support/test-app';
import { CERT_LAST_SIX, DAY, MINUTE, workflow, type Client } from '../regulator/workflow.support';

const PERSONAL = { regionCode: '110105', subjectNature: 'personal', certificateType: 'resident_id', subjectName: '张三', serviceType: 'website' } as const;
const UNIT = {
  regionCode: '350102',
  subjectNature: 'enterprise',
  certificateType: 'business_license',
  subjectName: '福州示例科技有限公司',
  serviceType: 'website',
} as const;

describe('filing type verification (验证备案类型)', () => {
  const t = useTestApp();
  let client: Client;
  let reviewer: Client;

  beforeAll(async () => {
    client = (await devLogin(t.url, 'verify-applicant')).client;
    reviewer = (await devLogin(t.url, '审核员1')).client;
  });

  const verify = (body: Record<string, unknown>) => client.post('/api/filing-type/verify', body);

  it('should decide first_filing when neither the subject nor the domain is filed anywhere', async () => {
    const res = await verify({ ...PERSONAL, certificateNumber: PERSON_ID, domain: 'example.com' });
    expect(res).toMatchObject({ status: 200, body: { kind: 'first_filing', reason: expect.stringContaining('首次备案') } });
    expect(res.body.subjectIcpNumber).toBeUndefined();
  });

  it('should decide add_service_remote when the subject is filed at another provider', async () => {
    const res = await verify({ ...PERSONAL, certificateNumber: '440305198808081234', domain: 'new-site.cn' });
    expect(res.body).toEqual({
      outcome: 'new_order',
      kind: 'add_service_remote',
      reason: expect.stringContaining('粤ICP备2019000001号'),
      subjectIcpNumber: '粤ICP备2019000001号',
    });
  });

  it('should decide access_filing with both numbers when the same subject filed the domain elsewhere', async () => {
    const res = await verify({ ...UNIT, certificateNumber: '９１４４０３００７１５２６７２６０ｎ', domain: 'Filed-Elsewhere。CN' });
    expect(res.body).toEqual({
      outcome: 'new_order',
      kind: 'access_filing',
      reason: expect.stringContaining('粤ICP备2018000002号-1'),
      subjectIcpNumber: '粤ICP备2018000002号',
      serviceIcpNumber: '粤ICP备2018000002号-1',
    });
  });

  it('should answer filed_by_other instead of access_filing when another subject filed the domain elsewhere', async () => {
    const res = await verify({ ...PERSONAL, certificateNumber: PERSON_ID, domain: 'filed-elsewhere.cn' });
    expect(res.body).toEqual({ outcome: 'filed_by_other', reason: expect.stringContaining('该备案非您本人提交') });
    expect(res.body.reason).toContain('线下注销原备案后再提交备案');
    const order = await client.post('/api/orders', {
      kind: 'access_filing',
      subjectType: 'personal',
      serviceType: 'website',
      verification: { ...PERSONAL, certificateNumber: PERSON_ID, domain: 'filed-elsewhere.cn' },
    });
    expect(order.status).toBe(422);
    expect(order.body.fields).toEqual([{ path: 'kind', code: 'FILING_KIND_MISMATCH', message: res.body.reason }]);
  });

  it('should decide from the scripted registry when tests add filings at other providers', async () => {
    const added = await reviewer.post('/api/regulator-sim/registry', {
      certificateNumber: USCC,
      subjectIcpNumber: '闽ICP备2020000123号',
      serviceType: 'app',
      service: '示例记账',
    });
    expect(added.status).toBe(204);
    expect((await client.post('/api/regulator-sim/registry', { certificateNumber: USCC, subjectIcpNumber: 'x' })).status).toBe(403);
    const app = await verify({ ...UNIT, serviceType: 'app', certificateNumber: USCC, appName: '示例记账' });
    expect(app.body).toMatchObject({ kind: 'access_filing', subjectIcpNumber: '闽ICP备2020000123号' });
    const site = await verify({ ...UNIT, certificateNumber: USCC, domain: 'fuzhou-example.cn' });
    expect(site.body).toMatchObject({ kind: 'add_service_remote', subjectIcpNumber: '闽ICP备2020000123号' });
  });

  it('should put each wrong fact on its field when the request has a bad certificate or no domain', async () => {
    const res = await verify({ ...PERSONAL, certificateNumber: '110105194912310021' });
    expect(res.status).toBe(422);
    expect(res.body.fields.map((f: { path: string }) => f.path).sort()).toEqual(['certificateNumber', 'domain']);
  });

  it('should refuse a client-chosen kind when it contradicts the decision', async () => {
    const verification = { ...PERSONAL, certificateNumber: '440305198808081234', domain: 'new-site.cn' };
    const wrong = await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website', verification });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fields).toEqual([{ path: 'kind', code: 'FILING_KIND_MISMATCH', message: expect.stringContaining('新增服务（原备案不在本平台）') }]);
    const unverified = await client.post('/api/orders', { kind: 'access_filing', subjectType: 'personal', serviceType: 'website' });
    expect(unverified.body.fields).toEqual([{ path: 'kind', code: 'FILING_KIND_MISMATCH', message: '请先验证备案类型，再按验证结果创建订单' }]);
    const otherType = await client.post('/api/orders', { kind: 'add_service_remote', subjectType: 'personal', serviceType: 'app', verification });
    expect(otherType.body.fields).toEqual([expect.objectContaining({ path: 'serviceType', code: 'FILING_KIND_MISMATCH' })]);

    const created = await client.post('/api/orders', { kind: 'add_service_remote', subjectType: 'personal', serviceType: 'website', verification });
    expect(created).toMatchObject({ status: 201, body: { kind: 'add_service_remote', serviceType: 'website' } });
    expect((await client.get('/api/orders')).body[0]).toMatchObject({ id: created.body.id, kind: 'add_service_remote', serviceType: 'website' });
  });

  it('should decide add_service_local for the holder and other_account for anyone else when a first filing was approved here', async () => {
    const w = workflow(t);
    const order = await w.inSmsVerification(reviewer);
    expect(await w.verify(order.mobile, await w.lastCode(order.mobile), CERT_LAST_SIX)).toMatchObject({ status: 200 });
    await w.advance(30 * MINUTE);
    await reviewer.post(`/api/regulator-sim/orders/${order.orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 });
    await w.advance(3 * DAY);
    const progress = await order.client.get(`/api/orders/${order.orderId}/progress`);
    expect(progress.body.status).toBe('approved');
    const subjectNumber = (progress.body.numbers as string[])[0];

    const facts = { ...PERSONAL, certificateNumber: order.draft.subject!.certificateNumber! };
    const holder = (domain: string) => order.client.post('/api/filing-type/verify', { ...facts, domain });
    expect((await holder('second-site.cn')).body).toEqual({
      outcome: 'new_order',
      kind: 'add_service_local',
      reason: expect.stringContaining(subjectNumber!),
      subjectIcpNumber: subjectNumber,
      subjectId: expect.any(String),
    });
    expect((await holder(order.draft.websites![0]!.domains![0]!)).body).toMatchObject({ outcome: 'already_filed', serviceIcpNumber: `${subjectNumber}-1` });
    expect((await holder('filed-elsewhere.cn')).body.outcome).toBe('filed_by_other');
    expect((await verify({ ...facts, domain: 'second-site.cn' })).body).toMatchObject({ outcome: 'other_account', subjectIcpNumber: subjectNumber });
  });
});
