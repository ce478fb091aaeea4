import { randomUUID } from 'node:crypto';
import { redactUrl } from '../../src/platform/logging/logger-options';
import { freshMobile } from '../support/filing-flow';
import { devLogin, useTestApp } from '../support/test-app';

describe('hardening: query strings and personal data in URLs', () => {
  const t = useTestApp();

  const applicant = () => devLogin(t.url, `q-${randomUUID().slice(0, 8)}`);

  it.each([
    ['/api/dev/sms-outbox?mobile=a&mobile=b', 'mobile'],
    ['/api/messages?limit=1&limit=2', 'limit'],
    ['/api/regulator-sim/sms?mobile=1&mobile=2', 'mobile'],
  ])('should answer a repeated query key with 422 on that key: %s', async (path, key) => {
    const { client } = await applicant();

    const answer = await client.get(path);

    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: [{ path: key, code: 'QUERY_PARAM_INVALID' }] });
  });

  it('should answer a repeated query key on an order read with 422', async () => {
    const { client } = await applicant();
    const order = (await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' })).body;

    expect((await client.get(`/api/orders/${order.id}?reveal=1&reveal=1`)).status).toBe(422);
    expect((await client.get(`/api/orders/${order.id}?reveal=1`)).status).toBe(200);
  });

  it('should find the code sent to a mobile given in the body, and keep mobiles out of the request log', async () => {
    const { client } = await applicant();
    const mobile = freshMobile();
    expect((await client.post('/api/sms/codes', { mobile, purpose: 'principal_mobile' })).status).toBe(201);

    const found = await client.post('/api/dev/sms-outbox/search', { mobile });
    const legacy = await client.get(`/api/dev/sms-outbox?mobile=${mobile}`);

    expect(found.status).toBe(200);
    expect(found.body).toHaveLength(1);
    expect(found.body[0].code).toMatch(/^\d{6}$/);
    expect(legacy.body).toEqual(found.body);
    expect((await client.post('/api/dev/sms-outbox/search', { mobile: 'x' })).status).toBe(422);
    const requestLines = t.logLines.filter((line) => line.includes('sms-outbox'));
    expect(requestLines.length).toBeGreaterThan(0);
    expect(t.logLines.join('\n')).not.toContain(mobile);
  });

  it('should redact personal data in any part of a logged URL', () => {
    expect(redactUrl('/api/dev/sms-outbox?mobile=13912345678')).toBe('/api/dev/sms-outbox?mobile=[REDACTED]');
    expect(redactUrl('/api/x?limit=5&email=a%40b.cn&name=%E5%BC%A0')).toBe('/api/x?limit=5&email=[REDACTED]&name=[REDACTED]');
    expect(redactUrl('/api/x?who=13912345678&id=11010519491231002X')).toBe('/api/x?who=[REDACTED]&id=[REDACTED]');
    expect(redactUrl('/api/orders/5b0c7a52-1234-4cde-8f00-123456789012?reveal=1')).toBe('/api/orders/5b0c7a52-1234-4cde-8f00-123456789012?reveal=1');
  });
});
