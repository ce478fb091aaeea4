import { api, devLogin, useTestApp } from '../support/test-app';

describe('platform', () => {
  const t = useTestApp({ BODY_LIMIT_BYTES: '4096' });

  it('should report the database as reachable on /api/health', async () => {
    const res = await api(t.url).get('/api/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.database.kind === 'sqlite' ? 'better-sqlite3' : expect.stringMatching(/mysql|mariadb/) });
  });

  it('should answer an unknown route with the error body and 404', async () => {
    const res = await api(t.url).get('/api/no-such-thing');

    expect(res).toEqual({ status: 404, body: { code: 'ROUTE_NOT_FOUND', message: '接口不存在' } });
  });

  it('should answer malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await api(t.url).raw('POST', '/api/auth/dev-login', '{"nickname": ', { 'content-type': 'application/json' });

    expect(res).toEqual({ status: 400, body: { code: 'MALFORMED_JSON', message: expect.any(String) } });
  });

  it('should answer an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await api(t.url).post('/api/auth/dev-login', { nickname: 'x'.repeat(10_000) });

    expect(res).toEqual({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: expect.any(String) } });
  });

  it('should answer an unsupported content type with 415', async () => {
    const res = await api(t.url).raw('POST', '/api/auth/dev-login', 'nickname=x', { 'content-type': 'text/csv' });

    expect(res.status).toBe(415);
    expect(res.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('should answer a validation failure with 422 and the field path', async () => {
    const res = await api(t.url).post('/api/auth/dev-login', { nickname: '' });

    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      code: 'VALIDATION_FAILED',
      message: expect.any(String),
      fields: [{ path: 'nickname', code: expect.any(String), message: expect.any(String) }],
    });
  });

  it('should require login on every non-public endpoint', async () => {
    const res = await api(t.url).get('/api/orders');

    expect(res).toEqual({ status: 401, body: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  });

  it('should publish an OpenAPI document listing every endpoint', async () => {
    const res = await api(t.url).get('/api/docs-json');

    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths).sort()).toEqual([
      '/api/accounts/me',
      '/api/accounts/me/mobile',
      '/api/accounts/me/real-name',
      '/api/admin/accounts/{accountId}/resources',
      '/api/admin/accounts/{accountId}/resources/{instanceId}',
      '/api/admin/accounts/{accountId}/resources/{instanceId}/refund',
      '/api/admin/calendar/days',
      '/api/admin/jobs/dead',
      '/api/admin/jobs/{id}/requeue',
      '/api/admin/outbox/dead',
      '/api/admin/outbox/{id}/requeue',
      '/api/auth/dev-login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/auth/wechat-login',
      '/api/codes/authorization',
      '/api/codes/authorization/{codeId}/revoke',
      '/api/codes/check',
      '/api/codes/instances',
      '/api/codes/service',
      '/api/codes/service/grants',
      '/api/codes/service/grants/verify',
      '/api/codes/service/{codeId}/bind',
      '/api/continue-codes/{scene}',
      '/api/dev/clock/advance',
      '/api/dev/mailbox/search',
      '/api/dev/sms-outbox',
      '/api/dev/sms-outbox/search',
      '/api/filing-type/verify',
      '/api/filings/export',
      '/api/filings/lookup',
      '/api/filings/services/{id}',
      '/api/filings/services/{id}/footer-check',
      '/api/filings/subjects',
      '/api/filings/subjects/{id}',
      '/api/filings/subjects/{id}/cancellation',
      '/api/filings/subjects/{id}/export',
      '/api/filings/subjects/{id}/migration',
      '/api/health',
      '/api/health/live',
      '/api/health/ready',
      '/api/invitations/{token}',
      '/api/invitations/{token}/accept',
      '/api/invitations/{token}/consent',
      '/api/invitations/{token}/face-check',
      '/api/invitations/{token}/face-check/challenge',
      '/api/invitations/{token}/id-photos',
      '/api/invitations/{token}/sms-code',
      '/api/invitations/{token}/sms-verify',
      '/api/invitations/{token}/uploads',
      '/api/invitations/{token}/wxacode',
      '/api/letter-templates/{kind}',
      '/api/messages',
      '/api/messages/unread-count',
      '/api/messages/{id}/read',
      '/api/notifications/grants',
      '/api/notifications/result-channels',
      '/api/notifications/result-channels/{channel}',
      '/api/orders',
      '/api/orders/{id}',
      '/api/orders/{id}/cancellation',
      '/api/orders/{id}/cancellation/codes',
      '/api/orders/{id}/cancellation/verify',
      '/api/orders/{id}/continue-code',
      '/api/orders/{id}/continue-code/wxacode',
      '/api/orders/{id}/draft',
      '/api/orders/{id}/materials',
      '/api/orders/{id}/materials/{fileId}',
      '/api/orders/{id}/migration',
      '/api/orders/{id}/migration/codes',
      '/api/orders/{id}/migration/confirm',
      '/api/orders/{id}/mobile-verifications',
      '/api/orders/{id}/ocr',
      '/api/orders/{id}/precheck',
      '/api/orders/{id}/principals',
      '/api/orders/{id}/principals/invitations/{invitationId}',
      '/api/orders/{id}/principals/{path}/consent',
      '/api/orders/{id}/principals/{path}/face-check',
      '/api/orders/{id}/principals/{path}/face-check/challenge',
      '/api/orders/{id}/principals/{path}/invitations',
      '/api/orders/{id}/progress',
      '/api/orders/{id}/public-security',
      '/api/orders/{id}/public-security/consent',
      '/api/orders/{id}/pull-back',
      '/api/orders/{id}/rejection-hints',
      '/api/orders/{id}/reopen-fields',
      '/api/orders/{id}/resubmit',
      '/api/orders/{id}/submit',
      '/api/orders/{id}/uploads',
      '/api/orders/{id}/withdraw',
      '/api/regulator-sim/orders/{id}/script',
      '/api/regulator-sim/registry',
      '/api/regulator-sim/sms',
      '/api/regulator-sim/sms-verify',
      '/api/regulator-sim/sms/search',
      '/api/resources',
      '/api/review/access/{token}',
      '/api/review/face-checks/{faceCheckId}/confirm',
      '/api/review/orders/{id}',
      '/api/review/orders/{id}/access',
      '/api/review/orders/{id}/approve',
      '/api/review/orders/{id}/calls',
      '/api/review/orders/{id}/claim',
      '/api/review/orders/{id}/reject',
      '/api/review/precheck-misses',
      '/api/review/queue',
      '/api/sim/accounts/sub-accounts',
      '/api/sim/resources/{instanceId}',
      '/api/sim/resources/{instanceId}/refund',
      '/api/sms/codes',
      '/api/sms/verify',
      '/api/uploads/{uploadId}/confirm',
    ]);
    expect(res.body.paths['/api/orders'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('kind');
  });

  it('should write JSON request logs without tokens or personal data', async () => {
    const { token, client } = await devLogin(t.url, 'logger');
    const created = await client.post('/api/orders', { kind: 'first_filing', subjectType: 'personal', serviceType: 'website' });
    await client.patch(`/api/orders/${created.body.id}/draft`, {
      version: created.body.version,
      draft: { subject: { name: '张三', certificateNumber: '110101199003078515' } },
    });

    const logs = t.logLines.join('\n');
    expect(t.logLines.length).toBeGreaterThan(0);
    expect(() => t.logLines.map((l) => JSON.parse(l))).not.toThrow();
    expect(logs).toContain('/api/orders');
    expect(logs).not.toContain(token);
    expect(logs).not.toContain('110101199003078515');
  });
});
