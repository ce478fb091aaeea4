import { randomUUID } from 'node:crypto';
import { SMS_LIMITS } from '@beian/shared';
import { SmsCodeEntity } from '../../src/sms/sms-code.entity';
import { DevSmsMessageEntity } from '../../src/sms/dev-sms-message.entity';
import { freshMobile } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

const PARALLEL = 8;

describe('hardening: SMS limits hold under parallel requests', () => {
  const t = useTestApp();

  const applicant = () => devLogin(t.url, `sms-${randomUUID().slice(0, 8)}`);

  it('should send one code when eight sends to one mobile arrive at once, and say when to retry', async () => {
    const { client } = await applicant();
    const mobile = freshMobile();

    const answers = await Promise.all(Array.from({ length: PARALLEL }, () => client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(PARALLEL - 1);
    expect(answers.find((a) => a.status === 429)!.body.details.retryAfterSeconds).toBeGreaterThan(0);
    expect((await client.post('/api/dev/sms-outbox/search', { mobile })).body).toHaveLength(1);
  });

  it('should say when to try again in the Retry-After header too', async () => {
    const { client, token } = await applicant();
    const mobile = freshMobile();
    await client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });

    const again = await fetch(`${t.url}/api/sms/codes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ mobile, purpose: 'principal_mobile' }),
    });

    expect(again.status).toBe(429);
    const body = (await again.json()) as { details: { retryAfterSeconds: number } };
    expect(again.headers.get('retry-after')).toBe(String(body.details.retryAfterSeconds));
  });

  it('should hold the per-account day limit when one account sends to many mobiles at once', async () => {
    const { client, user } = await applicant();
    const mobiles = Array.from({ length: SMS_LIMITS.perAccountPerDay + 6 }, () => freshMobile());

    const answers = await Promise.all(mobiles.map((mobile) => client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })));

    expect(answers.filter((a) => a.status === 201)).toHaveLength(SMS_LIMITS.perAccountPerDay);
    expect(await t.db.manager.countBy(SmsCodeEntity, { accountId: user.id })).toBe(SMS_LIMITS.perAccountPerDay);
  });

  it('should count every one of sixteen parallel wrong codes: the try limit holds', async () => {
    const { client } = await applicant();
    const orderId = (await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body.id;
    const mobile = freshMobile();
    await client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' });
    const [sent] = (await client.post('/api/dev/sms-outbox/search', { mobile })).body;
    const wrong = String((Number(sent.code) + 1) % 1_000_000).padStart(6, '0');

    const answers = await Promise.all(
      Array.from({ length: 16 }, () => client.post('/api/sms/verify', { mobile, code: wrong, orderId, path: 'subjectPrincipal' })),
    );
    const codes = answers.map((a) => a.body.fields?.[0]?.code);

    expect(codes.filter((c) => c === 'SMS_CODE_WRONG')).toHaveLength(SMS_LIMITS.maxTries - 1);
    expect(codes.filter((c) => c === 'SMS_CODE_EXHAUSTED')).toHaveLength(16 - (SMS_LIMITS.maxTries - 1));
    const right = await client.post('/api/sms/verify', { mobile, code: sent.code, orderId, path: 'subjectPrincipal' });
    expect(right.body.fields?.[0]?.code).toBe('SMS_CODE_EXHAUSTED');
    const [row] = await t.db.manager.find(SmsCodeEntity, {
      where: { mobileIndex: (await t.db.manager.findOneByOrFail(DevSmsMessageEntity, { code: sent.code })).mobileIndex },
    });
    expect(row!.attempts).toBeLessThanOrEqual(SMS_LIMITS.maxTries + 1);
    expect(row!.usedAt).toBeNull();
  });
});
