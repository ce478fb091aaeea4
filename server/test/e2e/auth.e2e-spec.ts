import { FakeWechatServer } from '../support/fake-wechat.server';
import { api, devLogin, startTestApp, useTestApp } from '../support/test-app';

describe('login', () => {
  const wechat = new FakeWechatServer();
  const t = useTestApp(() => ({ ...wechat.env() }), [wechat]);

  it('should issue our own session when WeChat accepts the wx.login code', async () => {
    const res = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode('openid-alice') });

    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(JSON.stringify(res.body)).not.toMatch(/session_key|sessionKey|openid-alice/);
    const me = await api(t.url, res.body.token).get('/api/auth/me');
    expect(me.body).toEqual(res.body.user);
    const call = wechat.requests.at(-1)!;
    expect(call.query).toMatchObject({ appid: wechat.appId, secret: wechat.appSecret, grant_type: 'authorization_code' });
  });

  it('should find the same account when the same WeChat user logs in again', async () => {
    const first = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode('openid-bob') });
    const second = await api(t.url).post('/api/auth/wechat-login', { code: wechat.issueCode('openid-bob') });

    expect(second.body.user.id).toBe(first.body.user.id);
    expect(second.body.token).not.toBe(first.body.token);
  });

  it('should answer 401 WECHAT_CODE_INVALID when the code is unknown or already used', async () => {
    const code = wechat.issueCode('openid-carol');
    await api(t.url).post('/api/auth/wechat-login', { code });

    const reused = await api(t.url).post('/api/auth/wechat-login', { code });
    const unknown = await api(t.url).post('/api/auth/wechat-login', { code: 'not-a-code' });

    expect(reused).toEqual({ status: 401, body: { code: 'WECHAT_CODE_INVALID', message: expect.stringContaining('登录') } });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it.each([
    [45011, 'api freq out of limit', 429, 'WECHAT_RATE_LIMITED'],
    [40226, 'high risk user', 403, 'WECHAT_LOGIN_FAILED'],
    [-1, 'system error', 503, 'WECHAT_UNAVAILABLE'],
  ])('should map WeChat errcode %d to %d %s', async (errcode, errmsg, status, code) => {
    const wxCode = wechat.issueCode('openid-dave');
    wechat.failCode(wxCode, errcode, errmsg);

    const res = await api(t.url).post('/api/auth/wechat-login', { code: wxCode });

    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
  });

  it('should answer 422 on the code field when the code is missing', async () => {
    const res = await api(t.url).post('/api/auth/wechat-login', {});

    expect(res.status).toBe(422);
    expect(res.body.fields).toEqual([expect.objectContaining({ path: 'code' })]);
  });

  it('should refuse a token after logout and an unknown token', async () => {
    const { token, client } = await devLogin(t.url, '测试用户');
    expect((await client.get('/api/auth/me')).status).toBe(200);

    await client.post('/api/auth/logout');

    const after = await api(t.url, token).get('/api/auth/me');
    expect(after).toEqual({ status: 401, body: { code: 'SESSION_EXPIRED', message: expect.any(String) } });
    expect((await api(t.url).get('/api/auth/me')).body.code).toBe('UNAUTHENTICATED');
  });

  it('should expire a session after its lifetime', async () => {
    const { client } = await devLogin(t.url, 'expiring');

    t.clock.advance(t.config.sessionTtlMs + 1000);

    expect((await client.get('/api/auth/me')).body.code).toBe('SESSION_EXPIRED');
  });
});

describe('dev login in production', () => {
  it('should be refused unless explicitly enabled', async () => {
    const t = await startTestApp({ NODE_ENV: 'production', SIMULATORS_ENABLED: 'true', FIELD_ENCRYPTION_KEYS: `v1:${Buffer.alloc(32, 7).toString('base64')}` });
    try {
      const res = await api(t.url).post('/api/auth/dev-login', { nickname: 'x' });
      expect(res).toEqual({ status: 403, body: { code: 'DEV_LOGIN_DISABLED', message: expect.any(String) } });
    } finally {
      await t.close();
    }
  });
});
