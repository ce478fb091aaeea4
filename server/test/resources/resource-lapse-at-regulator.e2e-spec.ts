import type { OrderSummary, ResourceChoice } from '@beian/shared';
import { devLogin, useTestApp } from '../support/test-app';
import { CERT_LAST_SIX, DAY, workflow, type Client } from '../regulator/workflow.support';
import { chinaNoonIn, cvm, inventory, readyFiling } from './resource.support';

describe('cloud resources: a lapse while MIIT texts the principals or the 管局 reviews', () => {
  const t = useTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  const w = workflow(t);
  let admin: Client;

  beforeAll(async () => {
    admin = (await devLogin(t.url, '管理员-lapse')).client;
  });

  /** A filing on `instanceId` (registered as `body`), submitted, through 初审, at the MIIT SMS check. */
  async function atSmsCheck(instanceId: string, body: ReturnType<typeof cvm>) {
    const filing = await readyFiling(t, instanceId);
    await inventory(admin, filing.user.id).register(instanceId, body);
    expect((await filing.client.post(`/api/orders/${filing.orderId}/submit`)).status).toBe(200);
    await admin.kit.confirmFaceChecks(filing.orderId);
    expect((await admin.post(`/api/review/orders/${filing.orderId}/approve`)).status).toBe(200);
    await w.drain();
    expect((await filing.client.get(`/api/orders/${filing.orderId}`)).body.status).toBe('sms_verification');
    return filing;
  }

  const detailOf = async (filing: { client: Client; orderId: string }) => (await filing.client.get(`/api/orders/${filing.orderId}`)).body;

  it('should withdraw the order from the SMS check and return it with the reason when its instance is refunded, then take the fixed order again', async () => {
    const filing = await atSmsCheck('ins-sms-refund', cvm(t));
    const code = await w.lastCode(filing.mobile);

    expect((await inventory(admin, filing.user.id).refund('ins-sms-refund')).status).toBe(200);

    const detail = await detailOf(filing);
    expect(detail.status).toBe('resource_returned');
    expect(detail.rejections).toEqual([expect.objectContaining({ path: 'websites.0.resource', reason: expect.stringContaining('该资源已退费') })]);
    expect(detail.editablePaths).toEqual(['websites.0.resource']);
    expect(detail.timeline.at(-1)).toMatchObject({
      actor: 'system',
      from: 'sms_verification',
      to: 'resource_returned',
      reason: expect.stringContaining('订单已从工信部短信核验中撤回'),
    });
    // The applicant reads the truth: a lapsed resource, not a reviewer's rejection, on the progress page, the order list and the message.
    const progress = (await filing.client.get(`/api/orders/${filing.orderId}/progress`)).body;
    expect(progress).toMatchObject({ statusLabel: '资源失效退回', nextStep: expect.stringContaining('改选本账号下满足备案条件的实例后重新提交') });
    expect(progress.nextStep).toContain('并非审核驳回');
    const listed = (await filing.client.get<OrderSummary[]>('/api/orders')).body;
    expect(listed.find((o) => o.id === filing.orderId)?.statusLabel).toBe('资源失效退回');
    await w.drain();
    const messages = (await filing.client.get('/api/messages?limit=50')).body.items as { type: string; title: string; body: string }[];
    expect(messages.map((m) => m.type)).not.toContain('initial_review_rejected');
    expect(messages.find((m) => m.type === 'resource_lapsed')).toMatchObject({
      title: '云资源不再满足备案条件，订单已退回',
      body: expect.stringContaining('该资源已退费'),
    });
    // The provider took the submission back: MIIT no longer accepts its code.
    expect((await w.verify(filing.mobile, code, CERT_LAST_SIX)).body).toMatchObject({ code: 'SMS_CODE_EXPIRED' });
    await w.advance(3 * DAY);
    expect((await detailOf(filing)).status).toBe('resource_returned');

    await inventory(admin, filing.user.id).register('ins-sms-other', cvm(t));
    const picker = (await filing.client.get<ResourceChoice[]>('/api/resources')).body;
    const eligible = Object.fromEntries(picker.map((c) => [c.instanceId, c.eligible]));
    expect([eligible['ins-sms-other'], eligible['ins-sms-refund']]).toEqual([true, false]);
    const patched = await filing.client.patch(`/api/orders/${filing.orderId}/draft`, {
      version: (await filing.client.kit.order(filing.orderId)).version,
      draft: { websites: [{ ...filing.draft.websites![0], resource: { type: 'instance', instanceId: 'ins-sms-other' } }] },
    });
    expect(patched.status).toBe(200);
    expect((await filing.client.post(`/api/orders/${filing.orderId}/resubmit`)).status).toBe(200);
    expect((await detailOf(filing)).status).toBe('pending_initial_review');
  });

  it('should return the order from the 管局 review on the day its instance falls under one month left, not before', async () => {
    const filing = await atSmsCheck('ins-bureau-expiring', cvm(t, { expiresAt: chinaNoonIn(t, 1, 6) }));
    await admin.post(`/api/regulator-sim/orders/${filing.orderId}/script`, { outcome: 'approve', afterWorkingDays: 20 });
    expect((await w.verify(filing.mobile, await w.lastCode(filing.mobile), CERT_LAST_SIX)).status).toBe(200);
    await w.advance(DAY);
    expect((await detailOf(filing)).status).toBe('regulator_review');

    await w.advance(3 * DAY);
    expect((await detailOf(filing)).status).toBe('regulator_review');

    for (let day = 0; day < 3; day++) await w.advance(DAY);
    const detail = await detailOf(filing);
    expect(detail.status).toBe('resource_returned');
    expect(detail.rejections).toEqual([expect.objectContaining({ path: 'websites.0.resource', reason: expect.stringContaining('剩余有效期不足 1 个月') })]);
    expect(detail.timeline.at(-1)).toMatchObject({ from: 'regulator_review', reason: expect.stringContaining('订单已从管局审核中撤回') });

    // The 管局's scripted decision finds the submission withdrawn.
    await w.advance(40 * DAY);
    expect((await detailOf(filing)).status).toBe('resource_returned');
  });

  it('should leave an order at the 管局 alone when another instance of the account is refunded or its own is renewed', async () => {
    const filing = await atSmsCheck('ins-bureau-kept', cvm(t, { expiresAt: chinaNoonIn(t, 1, 3) }));
    await admin.post(`/api/regulator-sim/orders/${filing.orderId}/script`, { outcome: 'approve', afterWorkingDays: 20 });
    expect((await w.verify(filing.mobile, await w.lastCode(filing.mobile), CERT_LAST_SIX)).status).toBe(200);
    await w.advance(DAY);
    await inventory(admin, filing.user.id).register('ins-bureau-spare', cvm(t));
    await inventory(admin, filing.user.id).register('ins-bureau-kept', cvm(t, { expiresAt: chinaNoonIn(t, 12) }));

    expect((await inventory(admin, filing.user.id).refund('ins-bureau-spare')).status).toBe(200);
    await w.advance(10 * DAY);

    const detail = await detailOf(filing);
    expect(detail.status).toBe('regulator_review');
    expect(detail.timeline.map((row: { to: string }) => row.to)).not.toContain('resource_returned');
  });
  it('should withdraw the submission at MIIT when the applicant withdraws the order at the SMS check, and release its instance', async () => {
    const filing = await atSmsCheck('ins-sms-withdrawn', cvm(t, { filedServices: 4 }));
    const code = await w.lastCode(filing.mobile);

    expect((await filing.client.post(`/api/orders/${filing.orderId}/withdraw`)).status).toBe(200);

    expect((await w.verify(filing.mobile, code, CERT_LAST_SIX)).body).toMatchObject({ code: 'SMS_CODE_EXPIRED' });
    const picker = (await filing.client.get<ResourceChoice[]>('/api/resources')).body;
    expect(picker.find((c) => c.instanceId === 'ins-sms-withdrawn')).toMatchObject({ eligible: true });
  });
});
