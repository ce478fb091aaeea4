import { SMS_LIMITS } from '@beian/shared';
import { SmsCodeEntity } from '../../src/sms/sms-code.entity';
import { SmsService } from '../../src/sms/sms.service';
import { devLogin, startTestApp, useTestApp } from '../support/test-app';

const PERSONAL_WEBSITE = { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' };

describe('sms: mobile verification codes', () => {
  const t = useTestApp();
  let user: Awaited<ReturnType<typeof devLogin>>;
  let orderId: string;
  let mobileSeq = 0;
  const newMobile = () => `139${String(10_000_000 + mobileSeq++).slice(-8)}`;

  beforeAll(async () => {
    user = await devLogin(t.url, 'sms-user');
    orderId = (await user.client.post('/api/orders', PERSONAL_WEBSITE)).body.id;
  });

  const lastCode = async (mobile: string): Promise<string> => {
    const outbox = await user.client.post(`/api/dev/sms-outbox/search`, { mobile });
    return outbox.body[0].code;
  };

  it('should send a 6-digit code to the dev outbox and verify it for the order', async () => {
    const mobile = newMobile();
    const sent = await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    expect(sent.status).toBe(201);
    expect(sent.body.mobileMasked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    // The countdown comes from the server's clock, not the device's.
    expect(sent.body.resendInSeconds).toBe(SMS_LIMITS.resendSeconds);
    const code = await lastCode(mobile);
    expect(code).toMatch(/^\d{6}$/);

    const verified = await user.client.post('/api/sms/verify', { mobile, code, orderId, path: 'subjectPrincipal' });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ orderId, path: 'subjectPrincipal', mobileMasked: sent.body.mobileMasked });
    expect((await user.client.get(`/api/orders/${orderId}/mobile-verifications`)).body).toHaveLength(1);
  });

  it('should store neither the code nor the mobile in readable form', async () => {
    const mobile = newMobile();
    await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const code = await lastCode(mobile);
    const rows = await t.db.manager.find(SmsCodeEntity, {});
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(mobile);
    expect(rows.every((r) => r.codeHash !== code && !r.codeHash.includes(code))).toBe(true);
  });

  it('should refuse a second code for the same mobile within 60 seconds and allow it after', async () => {
    const mobile = newMobile();
    await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    t.clock.advance(30_000);
    const again = await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    expect(again.status).toBe(429);
    expect(again.body).toMatchObject({ code: 'SMS_TOO_FREQUENT', details: { retryAfterSeconds: 30 }, fields: [{ path: 'mobile' }] });
    expect(again.body.fields[0].message).toContain('30秒后');
    t.clock.advance(31_000);
    expect((await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })).status).toBe(201);
  });

  it('should allow 10 codes a day per mobile and refuse the 11th', async () => {
    const other = await devLogin(t.url, 'sms-daily-mobile');
    const second = await devLogin(t.url, 'sms-daily-mobile-2');
    const mobile = newMobile();
    for (let i = 0; i < SMS_LIMITS.perMobilePerDay; i++) {
      const client = i % 2 ? other.client : second.client;
      expect((await client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })).status).toBe(201);
      t.clock.advance(61_000);
    }
    const refused = await other.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    expect(refused.status).toBe(429);
    expect(refused.body.fields[0].message).toContain('该手机号今日获取验证码次数已达上限');
    t.clock.advance(24 * 3600_000);
    expect((await other.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })).status).toBe(201);
  });

  it('should allow 10 codes a day per account across mobiles and refuse the 11th', async () => {
    const account = await devLogin(t.url, 'sms-daily-account');
    for (let i = 0; i < SMS_LIMITS.perAccountPerDay; i++) {
      expect((await account.client.post('/api/sms/codes', { mobile: newMobile(), purpose: 'principal_mobile' })).status).toBe(201);
    }
    const refused = await account.client.post('/api/sms/codes', { mobile: newMobile(), purpose: 'principal_mobile' });
    expect(refused.status).toBe(429);
    expect(refused.body.fields[0].message).toContain('您今日获取验证码次数已达上限');
  });

  it('should count wrong codes and refuse even the right one after 5 tries', async () => {
    const mobile = newMobile();
    await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const code = await lastCode(mobile);
    const wrong = code === '000000' ? '111111' : '000000';
    const first = await user.client.post('/api/sms/verify', { mobile, code: wrong, orderId, path: 'subjectPrincipal' });
    expect(first.status).toBe(422);
    expect(first.body.fields[0]).toEqual({ path: 'code', code: 'SMS_CODE_WRONG', message: '验证码错误，请重新输入（还可尝试4次）' });
    for (let i = 0; i < 4; i++) await user.client.post('/api/sms/verify', { mobile, code: wrong, orderId, path: 'subjectPrincipal' });
    const right = await user.client.post('/api/sms/verify', { mobile, code, orderId, path: 'subjectPrincipal' });
    expect(right.body.fields[0].code).toBe('SMS_CODE_EXHAUSTED');
  });

  it('should refuse a code older than 5 minutes or used once already', async () => {
    const mobile = newMobile();
    await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const code = await lastCode(mobile);
    t.clock.advance(SMS_LIMITS.codeMinutes * 60_000 + 1000);
    expect((await user.client.post('/api/sms/verify', { mobile, code, orderId, path: 'subjectPrincipal' })).body.fields[0].code).toBe('SMS_CODE_EXPIRED');

    await user.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const fresh = await lastCode(mobile);
    expect((await user.client.post('/api/sms/verify', { mobile, code: fresh, orderId, path: 'subjectPrincipal' })).status).toBe(200);
    expect((await user.client.post('/api/sms/verify', { mobile, code: fresh, orderId, path: 'subjectPrincipal' })).body.fields[0].code).toBe(
      'SMS_CODE_EXPIRED',
    );
  });

  it('should refuse a malformed mobile and another account’s order', async () => {
    const bad = await user.client.post('/api/sms/codes', { mobile: '12345', purpose: 'principal_mobile' });
    expect(bad.status).toBe(422);
    expect(bad.body.fields[0].path).toBe('mobile');
    const stranger = await devLogin(t.url, 'sms-stranger');
    const mobile = newMobile();
    await stranger.client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const code = (await stranger.client.post(`/api/dev/sms-outbox/search`, { mobile })).body[0].code;
    expect((await stranger.client.post('/api/sms/verify', { mobile, code, orderId, path: 'subjectPrincipal' })).status).toBe(404);
    expect((await stranger.client.get(`/api/orders/${orderId}/mobile-verifications`)).status).toBe(404);
  });

  it('should report principal mobiles of the draft that were not verified for the order', async () => {
    const verified = newMobile();
    await user.client.post('/api/sms/codes', { mobile: verified, purpose: 'principal_mobile' });
    await user.client.post('/api/sms/verify', { mobile: verified, code: await lastCode(verified), orderId, path: 'subjectPrincipal' });
    const findings = await t.db.transaction((tx) =>
      t.app.get(SmsService).mobileFindings(tx, orderId, {
        subjectPrincipal: { mobile: verified },
        websites: [{ principal: { mobile: verified, sameAs: 'subjectPrincipal' } }, { principal: { mobile: newMobile() } }],
      }),
    );
    expect(findings).toEqual([{ path: 'websites.1.principal.mobile', code: 'MOBILE_NOT_VERIFIED', message: '请获取短信验证码并完成手机号码验证' }]);
  });

  it('should hide the dev outbox when simulators are disabled', async () => {
    const prod = await startTestApp({
      SIMULATORS_ENABLED: 'false',
      WECHAT_APP_ID: 'wx-test',
      WECHAT_APP_SECRET: 'secret',
      WECHAT_API_BASE: 'http://127.0.0.1:9',
    });
    try {
      const someone = await devLogin(prod.url, 'prod-user');
      expect((await someone.client.get('/api/dev/sms-outbox')).status).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
