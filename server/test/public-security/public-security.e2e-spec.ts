import { randomUUID } from 'node:crypto';
import { PUBLIC_SECURITY_CONSENT_TEXT, type PublicSecurityView } from '@beian/shared';
import { app as appService, asNewPerson, personalDraft, principal, website } from '@beian/shared/testing';
import { PublicSecurityConsentEntity } from '../../src/public-security/public-security-consent.entity';
import { freshMobile } from '../support/filing-flow';
import { submittableMedia } from '../support/media-fixtures';
import { devLogin, useTestApp } from '../support/test-app';
import { DAY, HOUR, workflow, type Client } from '../regulator/workflow.support';

describe('公安联网备案数据码: consent at submit and on progress, the code after approval', () => {
  const t = useTestApp({ SESSION_TTL_HOURS: String(24 * 90) });
  const w = workflow(t);
  let reviewer: Client;

  beforeAll(async () => {
    reviewer = (await devLogin(t.url, '审核员-public-security')).client;
  });

  const view = async (client: Client, orderId: string) => (await client.get<PublicSecurityView>(`/api/orders/${orderId}/public-security`)).body;
  const choose = (client: Client, orderId: string, choice: 'granted' | 'declined') => client.put(`/api/orders/${orderId}/public-security/consent`, { choice });

  /** Takes an order in SMS verification to approval: the 管局 scripted to approve, the SMS answered. */
  async function approve(orderId: string, mobile: string): Promise<void> {
    await reviewer.post(`/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 });
    await w.verify(mobile, await w.lastCode(mobile));
    await w.advance(HOUR);
    await w.advance(4 * DAY);
  }

  it('should record every choice with its time and text, let it change until approval, then show a 30-day data code', async () => {
    const { orderId, client, mobile } = await w.submitted();
    expect(await view(client, orderId)).toMatchObject({ eligible: true, visible: true, choice: null, changeable: true, appsNotice: null });

    expect((await choose(client, orderId, 'declined')).body).toMatchObject({ choice: 'declined', visible: true });
    t.clock.advance(HOUR);
    const granted = (await choose(client, orderId, 'granted')).body as PublicSecurityView;
    expect(granted).toMatchObject({ choice: 'granted', decidedAt: t.clock.now().toISOString() });
    const rows = await t.db.manager.find(PublicSecurityConsentEntity, { where: { orderId }, order: { id: 'ASC' } });
    expect(rows.map((r) => [r.choice, r.consentText])).toEqual([
      ['declined', PUBLIC_SECURITY_CONSENT_TEXT],
      ['granted', PUBLIC_SECURITY_CONSENT_TEXT],
    ]);

    await reviewer.post(`/api/review/orders/${orderId}/approve`);
    await w.drain();
    await approve(orderId, mobile);

    const after = await view(client, orderId);
    expect(after).toMatchObject({ visible: true, choice: 'granted', changeable: false, dataCodeFailed: false });
    expect(after.dataCode?.code).toMatch(/^GA[0-9A-F]{18}$/);
    expect(new Date(after.dataCode!.expiresAt).getTime() - new Date(after.dataCode!.issuedAt).getTime()).toBe(30 * DAY);
    expect(after.dataCode?.expired).toBe(false);
    expect((await choose(client, orderId, 'declined')).body).toMatchObject({ code: 'PUBLIC_SECURITY_CHOICE_CLOSED' });

    t.clock.advance(new Date(after.dataCode!.expiresAt).getTime() - t.clock.now().getTime() - 1);
    expect((await view(client, orderId)).dataCode?.expired).toBe(false);
    t.clock.advance(1);
    expect((await view(client, orderId)).dataCode).toMatchObject({ code: after.dataCode!.code, expired: true });
  });

  it('should hide the module after approval when the applicant never authorised', async () => {
    const { orderId, client, mobile } = await w.inSmsVerification(reviewer);
    await choose(client, orderId, 'declined');
    await approve(orderId, mobile);

    expect(await view(client, orderId)).toMatchObject({ eligible: true, visible: false, choice: 'declined', dataCode: null, changeable: false });
  });

  it('should say 未获取到数据码 when the platform gives no code', async () => {
    const mobile = freshMobile();
    const applicant = await devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`);
    const draft = asNewPerson(
      personalDraft({
        subjectPrincipal: { validFrom: '2020-01-01', validTo: '2040-01-01', mobile, email: 'zhangsan@example.com' },
        websites: [website({ domains: [`nocode-${randomUUID().slice(0, 8)}.com`], principal: principal({ mobile }) })],
      }),
    );
    const order = (await applicant.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body as {
      id: string;
    };
    await applicant.client.kit.makeSubmittable(order.id, draft, await submittableMedia());
    await choose(applicant.client, order.id, 'granted');
    expect((await applicant.client.post(`/api/orders/${order.id}/submit`)).status).toBe(200);
    await reviewer.kit.confirmFaceChecks(order.id);
    await reviewer.post(`/api/review/orders/${order.id}/approve`);
    await w.drain();
    await approve(order.id, mobile);

    expect(await view(applicant.client, order.id)).toMatchObject({ visible: true, dataCode: null, dataCodeFailed: true });
  });

  it('should offer no authorisation for an APP order and keep other accounts out', async () => {
    const applicant = await devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`);
    const order = (await applicant.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'app' })).body as { id: string };
    const { version } = await applicant.client.kit.order(order.id);
    await applicant.client.patch(`/api/orders/${order.id}/draft`, { version, draft: { apps: [appService()] } });

    expect(await view(applicant.client, order.id)).toMatchObject({ eligible: false, visible: false });
    expect((await choose(applicant.client, order.id, 'granted')).body).toMatchObject({ code: 'PUBLIC_SECURITY_NOT_OFFERED' });
    const stranger = await devLogin(t.url, `stranger-${randomUUID().slice(0, 8)}`);
    expect((await stranger.client.get(`/api/orders/${order.id}/public-security`)).status).toBe(404);
    expect((await choose(stranger.client, order.id, 'granted')).status).toBe(404);
  });

  it('should tell an order with websites and APPs that only the websites are synchronised', async () => {
    const applicant = await devLogin(t.url, `applicant-${randomUUID().slice(0, 8)}`);
    const order = (await applicant.client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body as {
      id: string;
    };
    const { version } = await applicant.client.kit.order(order.id);
    await applicant.client.patch(`/api/orders/${order.id}/draft`, { version, draft: { websites: [website()], apps: [appService()] } });

    expect((await view(applicant.client, order.id)).appsNotice).toContain('APP开通后30日内');
  });
});
