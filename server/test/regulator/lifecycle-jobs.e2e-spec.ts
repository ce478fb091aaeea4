import { PERSONAL_WEBSITE, DAY, HOUR, workflow } from './workflow.support';
import { devLogin, useTestApp } from '../support/test-app';

describe('order jobs: inactivity reminders and expiry, the public-security reminder', () => {
  const t = useTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  const w = workflow(t);

  const messages = async (client: Awaited<ReturnType<typeof devLogin>>['client']) =>
    ((await client.get('/api/messages?limit=50')).body.items as { type: string; body: string }[]).reverse();

  it('should remind at 7, 15 and 30 days exactly once each and expire the order at 45 days keeping its data', async () => {
    const { client } = await devLogin(t.url, 'idle-applicant');
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: { agreements: { privacy: true, terms: true, commitment: true } } });

    await w.advance(7 * DAY - HOUR);
    expect(await messages(client)).toEqual([]);
    await w.advance(HOUR);
    await w.advance(8 * DAY);
    await w.drain();
    await w.advance(15 * DAY);
    const beforeExpiry = await messages(client);
    await w.advance(15 * DAY);
    await w.drain();

    expect(beforeExpiry.map((m) => m.type)).toEqual(['order_expiring', 'order_expiring', 'order_expiring']);
    expect(beforeExpiry.map((m) => /还剩 (\d+) 天/.exec(m.body)?.[1])).toEqual(['38', '30', '15']);
    const all = await messages(client);
    expect(all.map((m) => m.type)).toEqual(['order_expiring', 'order_expiring', 'order_expiring', 'order_expired']);
    const expired = (await client.get(`/api/orders/${order.id}`)).body;
    expect(expired).toMatchObject({ status: 'expired', draft: { agreements: { privacy: true } } });
    expect(expired.timeline.at(-1)).toMatchObject({ actor: 'system', to: 'expired' });
  });

  it('should count inactivity from the last save so an active applicant is not reminded', async () => {
    const { client } = await devLogin(t.url, 'busy-applicant');
    const order = (await client.post('/api/orders', PERSONAL_WEBSITE)).body;

    await w.advance(5 * DAY);
    await client.patch(`/api/orders/${order.id}/draft`, { version: 1, draft: { agreements: { privacy: true, terms: true, commitment: true } } });
    await w.advance(5 * DAY);
    expect(await messages(client)).toEqual([]);
    await w.advance(2 * DAY);
    expect((await messages(client)).map((m) => m.type)).toEqual(['order_expiring']);
  });

  it('should remind of the public-security filing a week before its 30-day window closes after approval', async () => {
    const reviewer = (await devLogin(t.url, '审核员-jobs')).client;
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    await reviewer.post(`/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 });
    await w.verify(mobile, await w.lastCode(mobile));
    await w.advance(HOUR);
    await w.advance(4 * DAY);
    expect((await client.get(`/api/orders/${orderId}/progress`)).body.status).toBe('approved');

    await w.advance(23 * DAY);
    await w.drain();

    const reminders = (await messages(client)).filter((m) => m.type === 'public_security_filing_due');
    expect(reminders).toEqual([expect.objectContaining({ body: expect.stringContaining('beian.mps.gov.cn') })]);
  });
});
