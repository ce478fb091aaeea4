import { RESOURCE_RULES, type ResourceChoice } from '@beian/shared';
import { devLogin, useTestApp } from '../support/test-app';
import { DAY, workflow, type Client } from '../regulator/workflow.support';
import { chinaNoonIn, cvm, inventory, readyFiling } from './resource.support';

describe('cloud resources: eligibility in the picker, at submit and before the 管局', () => {
  const t = useTestApp();
  const w = workflow(t);
  let admin: Client;

  beforeAll(async () => {
    admin = (await devLogin(t.url, '管理员-resources')).client;
  });

  const reasonsOf = (choices: ResourceChoice[]) => Object.fromEntries(choices.map((c) => [c.instanceId, c.reasons.map((r) => r.rule)]));

  it('should list eligible instances first and every ineligible one with its reason, at the limits’ edges', async () => {
    const { client, user } = await devLogin(t.url, 'resource-owner');
    const staff = inventory(admin, user.id);
    await staff.register('ins-hk', cvm(t, { region: 'ap-hongkong' }));
    await staff.register('ins-term3', cvm(t, { termMonths: 3 }));
    await staff.register('ins-term2', cvm(t, { termMonths: 2 }));
    await staff.register('ins-month-left', cvm(t, { expiresAt: chinaNoonIn(t, 1) }));
    await staff.register('ins-month-less', cvm(t, { expiresAt: chinaNoonIn(t, 1, -1) }));
    await staff.register('ins-noip', cvm(t, { publicIp: null }));
    await staff.register('ins-payg', cvm(t, { billingMode: 'postpaid' }));
    await staff.register('ins-quota', cvm(t, { filedServices: 5 }));
    await staff.register('ins-quota-minus1', cvm(t, { filedServices: 4 }));
    await staff.register('lhins-1', cvm(t, { type: 'lighthouse', publicIp: null }));
    await staff.register('lb-ok', cvm(t, { type: 'clb', boundInstanceId: 'ins-term3' }));
    await staff.register('lb-payg', cvm(t, { type: 'clb', boundInstanceId: 'ins-payg' }));
    await staff.register('lb-unbound', cvm(t, { type: 'clb', publicIp: null }));

    const res = await client.get<ResourceChoice[]>('/api/resources');

    expect(res.status).toBe(200);
    expect(reasonsOf(res.body)).toEqual({
      'ins-term3': [],
      'ins-month-left': [],
      'ins-quota-minus1': [],
      'lhins-1': [],
      'lb-ok': [],
      'ins-hk': ['not_mainland'],
      'ins-term2': ['term_under_3_months'],
      'ins-month-less': ['under_1_month_left'],
      'ins-noip': ['no_public_ip'],
      'ins-payg': ['pay_as_you_go'],
      'ins-quota': ['at_quota'],
      'lb-payg': ['bound_instance_ineligible'],
      'lb-unbound': ['clb_unbound'],
    });
    expect(res.body.slice(0, 5).every((c) => c.eligible)).toBe(true);
    expect(res.body.find((c) => c.instanceId === 'ins-hk')).toMatchObject({
      regionLabel: '中国香港',
      reasons: [{ reason: RESOURCE_RULES.not_mainland.reason }],
    });
  });

  it('should keep an account’s instances to that account and their registration to staff', async () => {
    const owner = await devLogin(t.url, 'resource-owner-2');
    const other = await devLogin(t.url, 'resource-stranger');
    await inventory(admin, owner.user.id).register('ins-mine', cvm(t));

    expect((await other.client.get<ResourceChoice[]>('/api/resources')).body.map((c) => c.instanceId)).not.toContain('ins-mine');
    expect((await inventory(owner.client, owner.user.id).register('ins-more', cvm(t))).status).toBe(403);
    expect((await owner.client.get(`/api/admin/accounts/${owner.user.id}/resources`)).status).toBe(403);
    expect((await inventory(admin, owner.user.id).refund('ins-unknown')).status).toBe(404);
    expect((await admin.put(`/api/admin/accounts/${owner.user.id}/resources/ins-bad`, { ...cvm(t), region: 'mars' })).status).toBe(422);
  });

  it('should start a new account with eligible instances of its own and refuse an instance ID it does not hold', async () => {
    const { client } = await devLogin(t.url, 'resource-newcomer');
    const starters = (await client.get<ResourceChoice[]>('/api/resources')).body;
    expect(starters.map((c) => [c.type, c.regionLabel, c.billingMode, c.eligible])).toEqual([
      ['cvm', '广州', 'prepaid', true],
      ['lighthouse', '上海', 'prepaid', true],
    ]);
    expect((await client.get<ResourceChoice[]>('/api/resources')).body).toEqual(starters);

    const filing = await readyFiling(t, 'ins-held');
    const own = (await filing.client.get<ResourceChoice[]>('/api/resources')).body[0]!.instanceId;
    const pick = async (instanceId: string) =>
      filing.client.patch(`/api/orders/${filing.orderId}/draft`, {
        version: (await filing.client.kit.order(filing.orderId)).version,
        draft: { websites: [{ ...filing.draft.websites![0], resource: { type: 'instance', instanceId } }] },
      });
    await pick('ins-typed-anything');
    const refused = await filing.client.post(`/api/orders/${filing.orderId}/submit`);
    expect(refused.body.fields).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: 'websites.0.resource.instanceId', message: expect.stringContaining('本账号下没有该实例') })]),
    );
    await pick(own);
    expect((await filing.client.post(`/api/orders/${filing.orderId}/submit`)).status).toBe(200);
  });

  it('should refuse a submission naming an ineligible or unknown instance on its field, and accept an eligible one', async () => {
    const filing = await readyFiling(t, 'ins-payg-2');
    const staff = inventory(admin, filing.user.id);
    await staff.register('ins-payg-2', cvm(t, { billingMode: 'postpaid' }));

    const refused = await filing.client.post(`/api/orders/${filing.orderId}/submit`);
    expect(refused.status).toBe(422);
    expect(refused.body.fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'websites.0.resource.instanceId', code: 'RESOURCE_INELIGIBLE', message: expect.stringContaining('按量计费') }),
      ]),
    );

    await filing.client.patch(`/api/orders/${filing.orderId}/draft`, {
      version: (await filing.client.kit.order(filing.orderId)).version,
      draft: { websites: [{ ...filing.draft.websites![0], resource: { type: 'instance', instanceId: 'ins-typo' } }] },
    });
    const unknown = await filing.client.post(`/api/orders/${filing.orderId}/submit`);
    expect(unknown.body.fields).toEqual(expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining('本账号下没有该实例') })]));

    await staff.register('ins-typo', cvm(t, { termMonths: 3, expiresAt: chinaNoonIn(t, 1) }));
    expect((await filing.client.post(`/api/orders/${filing.orderId}/submit`)).status).toBe(200);
  });

  it('should send the order back to the applicant with the reason when its instance falls under one month left during 初审', async () => {
    const filing = await readyFiling(t, 'ins-expiring');
    await inventory(admin, filing.user.id).register('ins-expiring', cvm(t, { expiresAt: chinaNoonIn(t, 1, 2) }));
    expect((await filing.client.post(`/api/orders/${filing.orderId}/submit`)).status).toBe(200);
    await admin.kit.confirmFaceChecks(filing.orderId);

    await w.advance(3 * DAY);
    expect((await admin.post(`/api/review/orders/${filing.orderId}/approve`)).status).toBe(200);
    await w.drain();

    const detail = (await filing.client.get(`/api/orders/${filing.orderId}`)).body;
    expect(detail.status).toBe('resource_returned');
    expect(detail.rejections).toEqual([expect.objectContaining({ path: 'websites.0.resource', reason: expect.stringContaining('剩余有效期不足 1 个月') })]);
    expect(detail.editablePaths).toEqual(['websites.0.resource']);
    expect(detail.timeline.at(-1)).toMatchObject({ actor: 'system', to: 'resource_returned', reason: expect.stringContaining('ins-expiring') });

    await inventory(admin, filing.user.id).register('ins-expiring', cvm(t, { expiresAt: chinaNoonIn(t, 12) }));
    expect((await filing.client.post(`/api/orders/${filing.orderId}/resubmit`)).status).toBe(200);
  });

  it('should send the order back when its instance is refunded during 初审', async () => {
    const filing = await readyFiling(t, 'ins-refunded');
    await inventory(admin, filing.user.id).register('ins-refunded', cvm(t));
    expect((await filing.client.post(`/api/orders/${filing.orderId}/submit`)).status).toBe(200);
    await admin.kit.confirmFaceChecks(filing.orderId);

    expect((await inventory(admin, filing.user.id).refund('ins-refunded')).body).toMatchObject({ refunded: true, eligible: false });
    await admin.post(`/api/review/orders/${filing.orderId}/approve`);
    await w.drain();

    const detail = (await filing.client.get(`/api/orders/${filing.orderId}`)).body;
    expect(detail).toMatchObject({ status: 'resource_returned', rejections: [expect.objectContaining({ reason: expect.stringContaining('已退费') })] });
    const messages = (await filing.client.get('/api/messages?limit=50')).body.items as { type: string }[];
    expect(messages.map((m) => m.type)).toEqual(expect.arrayContaining(['resource_lapsed']));
    expect(messages.map((m) => m.type)).not.toContain('initial_review_rejected');
  });
});
