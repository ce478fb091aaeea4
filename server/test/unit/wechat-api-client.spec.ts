import { HttpWechatGateway } from '../../src/auth/http-wechat.gateway';
import { WechatApiClient, type CachedToken, type WechatTokenStore } from '../../src/auth/wechat-api.client';
import { WechatApiError } from '../../src/auth/wechat-gateway.port';
import { HttpWechatMessaging } from '../../src/notifications/http-wechat-messaging';
import { SystemClock } from '../../src/platform/clock/clock';
import { WechatMiniProgramCodes } from '../../src/auth/wechat.mini-program-codes';
import { FakeWechatServer } from '../support/fake-wechat.server';
import { WECHAT_ERRORS } from '../support/wechat-api.fixtures';

/** The WeChat adapters against the fake replaying the documented answers (sources in wechat-api.fixtures.ts). */
describe('WeChat adapters against the documented answers', () => {
  const wechat = new FakeWechatServer();
  /** The database's role in production: what one process stored, another reads. */
  const tokenStore = (): WechatTokenStore => {
    const tokens = new Map<string, CachedToken>();
    return { read: (appId) => Promise.resolve(tokens.get(appId) ?? null), write: (appId, token) => Promise.resolve(void tokens.set(appId, token)) };
  };
  const newClient = (store = tokenStore()) =>
    new WechatApiClient({ appId: wechat.appId, appSecret: wechat.appSecret, apiBase: wechat.url }, new SystemClock(), store);
  const message = (touser: string) => ({ touser, templateId: 'tpl-progress', page: 'pages/index/index', data: { thing1: { value: '初审通过' } } });
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error: unknown) => error,
    );

  beforeAll(() => wechat.start());
  afterAll(() => wechat.stop());

  describe('code2Session', () => {
    const gateway = () => new HttpWechatGateway({ appId: wechat.appId, appSecret: wechat.appSecret, apiBase: wechat.url });

    it.each([true, false])('should return the session whether or not the answer carries errcode 0 (with errcode: %s)', async (withErrcode) => {
      wechat.sessionAnswersWithErrcode = withErrcode;
      const code = wechat.issueCode(`openid-${withErrcode}`);

      const session = await gateway().code2Session(code);

      expect(session).toEqual({ openid: `openid-${withErrcode}`, sessionKey: expect.any(String) });
      wechat.sessionAnswersWithErrcode = false;
    });

    it.each([WECHAT_ERRORS.invalidCode, WECHAT_ERRORS.minuteQuota, WECHAT_ERRORS.codeBlocked, WECHAT_ERRORS.systemBusy])(
      'should surface errcode $errcode answered with HTTP 200 as a WechatApiError',
      async ({ errcode, errmsg }) => {
        const code = wechat.issueCode('openid-refused');
        wechat.failCode(code, errcode, errmsg);

        const error = await rejection(gateway().code2Session(code));

        expect(error).toBeInstanceOf(WechatApiError);
        expect(error).toMatchObject({ errcode, errmsg });
      },
    );

    it('should refuse a code the second time, as WeChat does', async () => {
      const code = wechat.issueCode('openid-once');
      await gateway().code2Session(code);

      expect(await rejection(gateway().code2Session(code))).toMatchObject({ errcode: WECHAT_ERRORS.codeUsed.errcode });
    });
  });

  describe('access token and retries', () => {
    it.each([
      ['40001 (invalid or not latest)', () => wechat.revokeToken()],
      ['42001 (expired)', () => wechat.expireToken()],
    ])('should fetch the token again in normal mode once and retry once when WeChat answers %s', async (_, invalidate) => {
      const client = newClient();
      await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-a'));
      const tokensBefore = wechat.tokenCalls.length;
      const sendsBefore = wechat.sendAttempts;
      invalidate();

      await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-a'));

      expect(wechat.tokenCalls.slice(tokensBefore)).toEqual([{ forceRefresh: false }]);
      expect(wechat.sendAttempts - sendsBefore).toBe(2);
    });

    it('should let two processes without a shared store recover from one rejected token without invalidating each other', async () => {
      const [first, second] = [newClient(), newClient()];
      await new HttpWechatMessaging(first, 'formal').sendSubscribeMessage(message('openid-b'));
      await new HttpWechatMessaging(second, 'formal').sendSubscribeMessage(message('openid-b'));
      const tokensBefore = wechat.tokenCalls.length;
      wechat.revokeToken();

      for (const client of [first, second, first, second]) await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-b'));

      // A forced refresh by one would make the other's token "not latest" (40001) again, back and forth.
      expect(wechat.tokenCalls.slice(tokensBefore)).toEqual([{ forceRefresh: false }, { forceRefresh: false }]);
    });

    it('should fetch the token once for two processes sharing the store, at first use and after a rejection', async () => {
      const store = tokenStore();
      const [first, second] = [newClient(store), newClient(store)];
      const tokensBefore = wechat.tokenCalls.length;
      wechat.revokeToken();

      for (const client of [first, second]) await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-e'));
      const afterFirstUse = wechat.tokenCalls.length - tokensBefore;
      wechat.revokeToken();
      for (const client of [first, second, first, second]) await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-e'));

      expect([afterFirstUse, wechat.tokenCalls.length - tokensBefore]).toEqual([1, 2]);
    });

    it('should surface 43101 (user refused) without fetching a token or retrying', async () => {
      const client = newClient();
      await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-c'));
      const tokensBefore = wechat.tokenCalls.length;
      const sendsBefore = wechat.sendAttempts;
      wechat.failSends(WECHAT_ERRORS.userRefused.errcode);

      const error = await rejection(new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-c')));

      expect(error).toMatchObject({ errcode: 43101, errmsg: WECHAT_ERRORS.userRefused.errmsg });
      expect(wechat.tokenCalls.length).toBe(tokensBefore);
      expect(wechat.sendAttempts - sendsBefore).toBe(1);
    });

    it('should give up after one retry when the new token is refused too', async () => {
      const client = newClient();
      await new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-d'));
      wechat.failSends(WECHAT_ERRORS.invalidCredential.errcode, 2);
      const sendsBefore = wechat.sendAttempts;

      const error = await rejection(new HttpWechatMessaging(client, 'formal').sendSubscribeMessage(message('openid-d')));

      expect(error).toMatchObject({ errcode: 40001 });
      expect(wechat.sendAttempts - sendsBefore).toBe(2);
    });
  });

  describe('getwxacodeunlimit', () => {
    const target = (scene: string, page = 'principal/pages/invite/index') => ({ scene, page, h5Url: 'https://example.invalid' });

    it('should return the image bytes when WeChat answers an image', async () => {
      const bytes = await new WechatMiniProgramCodes(newClient(), 'trial').pageCode(target('AbC_123-xyz'));

      expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
      expect(wechat.wxacodes.at(-1)).toEqual({ scene: 'AbC_123-xyz', page: 'principal/pages/invite/index', check_path: false, env_version: 'trial' });
    });

    it.each([
      ['a page the mini-program does not have', target('AbC_123-xyz', 'pages/missing/index'), WECHAT_ERRORS.invalidPage.errcode],
      ['a scene longer than 32 characters', target('x'.repeat(33)), WECHAT_ERRORS.invalidScene.errcode],
    ])('should surface the JSON error WeChat answers instead of an image for %s', async (_, request, errcode) => {
      const error = await rejection(new WechatMiniProgramCodes(newClient(), 'formal').pageCode(request));

      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toMatchObject({ errcode });
    });
  });
});
