import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { toBuffer } from 'qrcode';
import { UNLIMITED_CODE_SCENE, WECHAT_ANSWERS, WECHAT_ERRORS, type WechatErrorFixture } from './wechat-api.fixtures';

const reply = ({ errcode, errmsg }: WechatErrorFixture) => ({ errcode, errmsg });

export interface SubscribeSend {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
}

/**
 * A local stand-in for api.weixin.qq.com that replays the documented answers of `wechat-api.fixtures.ts` (each names
 * its reference page):
 * - `GET /sns/jscode2session`: `{openid, session_key, unionid?}` on success, `{errcode, errmsg}` otherwise (40029
 *   invalid code, 40163 code been used, 45011 frequency limit, 40226 high-risk user, -1 system busy). A code works
 *   once, as on the real server.
 * - `POST /cgi-bin/stable_token`: `{access_token, expires_in}`; the same token until it expires or is invalidated
 *   (`revokeToken`, `expireToken`), or on `force_refresh`.
 * - `POST /cgi-bin/message/subscribe/send?access_token=…`: `{errcode: 0}`, 40001 for an unknown token, 42001 for
 *   an expired one, 40003 without `touser`, 40037 without `template_id`, 47003 without `data`; `failSends` scripts
 *   further errcodes (43101 user refused, -1 system busy …).
 * - `POST /wxa/getwxacodeunlimit?access_token=…`: the code as `image/png` bytes (a QR of `scene`+`page` here);
 *   errors as JSON: 40001/42001 token, 40097 invalid `scene` (empty, > 32 characters or other characters than
 *   `[0-9A-Za-z!#$&'()*+,/:;=?@._~-]`), 41030 `page` not a page of the mini-program (`pages`), 45009 scripted limit.
 */
export class FakeWechatServer {
  readonly appId = 'wx0123456789abcdef';
  readonly appSecret = randomBytes(16).toString('hex');
  readonly requests: { path: string; query: Record<string, string> }[] = [];
  /** code → openid for codes that `wx.login()` would have issued. */
  private readonly issued = new Map<string, string>();
  private readonly used = new Set<string>();
  private readonly forcedErrors = new Map<string, { errcode: number; errmsg: string }>();
  private server: Server | null = null;
  url = '';
  /** code2Session answers carry `errcode: 0` as on the reference page's example (real answers often omit it). */
  sessionAnswersWithErrcode = false;
  /** Every stable_token call that got a token. */
  readonly tokenCalls: { forceRefresh: boolean }[] = [];
  /** Subscribe messages WeChat accepted, in order. */
  readonly subscribeSends: SubscribeSend[] = [];
  /** Every subscribe/send call, accepted or not. */
  sendAttempts = 0;
  private token: string | null = null;
  private readonly expiredTokens = new Set<string>();
  private readonly scriptedSendErrors: number[] = [];
  /** Pages of the published mini-program (getwxacodeunlimit answers 41030 for others). */
  readonly pages = new Set(['pages/index/index', 'principal/pages/invite/index', 'filing/pages/start/index']);
  /** Every getwxacodeunlimit body WeChat answered with an image. */
  readonly wxacodes: { scene: string; page: string; check_path: boolean; env_version: string }[] = [];
  private readonly scriptedCodeErrors: number[] = [];

  /** The next `count` getwxacodeunlimit calls answer `errcode` (45009 frequency limit …). */
  failCodes(errcode: number, count = 1): void {
    for (let i = 0; i < count; i++) this.scriptedCodeErrors.push(errcode);
  }

  issueCode(openid: string): string {
    const code = randomBytes(16).toString('hex');
    this.issued.set(code, openid);
    return code;
  }

  failCode(code: string, errcode: number, errmsg: string): void {
    this.forcedErrors.set(code, { errcode, errmsg });
  }

  /** The next `count` subscribe/send calls answer `errcode` (a valid token is still required). */
  failSends(errcode: number, count = 1): void {
    for (let i = 0; i < count; i++) this.scriptedSendErrors.push(errcode);
  }

  /** The current access token expires now, as if its 7200 s had passed: sends with it answer 42001. */
  expireToken(): void {
    if (this.token) this.expiredTokens.add(this.token);
    this.token = null;
  }

  /** The current access token becomes unknown (another client forced a refresh): sends with it answer 40001. */
  revokeToken(): void {
    this.token = null;
  }

  /** The server's settings to call this fake (once started). */
  env(): Record<string, string> {
    return { WECHAT_APP_ID: this.appId, WECHAT_APP_SECRET: this.appSecret, WECHAT_API_BASE: this.url };
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        void this.answer(req, Buffer.concat(chunks).toString('utf8')).then((answer) => {
          if (Buffer.isBuffer(answer)) {
            res.writeHead(200, { 'content-type': 'image/png' });
            res.end(answer);
            return;
          }
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(answer));
        });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async answer(req: IncomingMessage, rawBody: string): Promise<Record<string, unknown> | Buffer> {
    const url = new URL(req.url ?? '/', 'http://local');
    if (req.method !== 'POST' || url.pathname !== '/wxa/getwxacodeunlimit') return this.handle(req, rawBody);
    this.requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    const token = url.searchParams.get('access_token') ?? '';
    if (this.expiredTokens.has(token)) return reply(WECHAT_ERRORS.tokenExpired);
    if (!token || token !== this.token) return reply(WECHAT_ERRORS.invalidCredential);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(rawBody) as Record<string, unknown>;
    } catch {
      return reply(WECHAT_ERRORS.dataFormat);
    }
    const scene = typeof body.scene === 'string' ? body.scene : '';
    if (!UNLIMITED_CODE_SCENE.test(scene)) return reply(WECHAT_ERRORS.invalidScene);
    const page = typeof body.page === 'string' ? body.page : 'pages/index/index';
    if (page.startsWith('/') || !this.pages.has(page)) return reply(WECHAT_ERRORS.invalidPage);
    const scripted = this.scriptedCodeErrors.shift();
    if (scripted !== undefined) return this.scripted(scripted);
    this.wxacodes.push({ scene, page, check_path: body.check_path !== false, env_version: String(body.env_version ?? 'release') });
    return toBuffer(`wxacode:${page}?scene=${scene}`, { type: 'png' });
  }

  private handle(req: IncomingMessage, rawBody: string): Record<string, unknown> {
    const url = new URL(req.url ?? '/', 'http://local');
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ path: url.pathname, query });
    if (req.method === 'POST') {
      let body: Record<string, unknown>;
      try {
        body = JSON.parse(rawBody) as Record<string, unknown>;
      } catch {
        return reply(WECHAT_ERRORS.dataFormat);
      }
      if (url.pathname === '/cgi-bin/stable_token') return this.stableToken(body);
      if (url.pathname === '/cgi-bin/message/subscribe/send') return this.subscribeSend(query.access_token ?? '', body);
      return reply(WECHAT_ERRORS.invalidUrl);
    }
    if (url.pathname !== '/sns/jscode2session') return reply(WECHAT_ERRORS.invalidUrl);
    if (query.appid !== this.appId) return reply(WECHAT_ERRORS.invalidAppid);
    if (query.secret !== this.appSecret) return reply(WECHAT_ERRORS.invalidAppsecret);
    if (query.grant_type !== 'authorization_code') return reply(WECHAT_ERRORS.invalidGrantType);
    const code = query.js_code ?? '';
    const forced = this.forcedErrors.get(code);
    if (forced) return forced;
    if (this.used.has(code)) return reply(WECHAT_ERRORS.codeUsed);
    const openid = this.issued.get(code);
    if (!openid) return reply(WECHAT_ERRORS.invalidCode);
    this.used.add(code);
    return WECHAT_ANSWERS.session(openid, randomBytes(16).toString('base64'), this.sessionAnswersWithErrcode);
  }

  /** A scripted errcode answers with its documented errmsg when the fixtures know it. */
  private scripted(errcode: number): Record<string, unknown> {
    const known = Object.values(WECHAT_ERRORS).find((e) => e.errcode === errcode);
    return { errcode, errmsg: known?.errmsg ?? 'scripted error' };
  }

  private stableToken(body: Record<string, unknown>): Record<string, unknown> {
    if (body.grant_type !== 'client_credential') return reply(WECHAT_ERRORS.invalidGrantType);
    if (body.appid !== this.appId) return reply(WECHAT_ERRORS.invalidAppid);
    if (body.secret !== this.appSecret) return reply(WECHAT_ERRORS.invalidAppsecret);
    const forceRefresh = body.force_refresh === true;
    if (!this.token || forceRefresh) this.token = randomBytes(24).toString('hex');
    this.tokenCalls.push({ forceRefresh });
    return WECHAT_ANSWERS.stableToken(this.token);
  }

  private subscribeSend(token: string, body: Record<string, unknown>): Record<string, unknown> {
    this.sendAttempts++;
    if (this.expiredTokens.has(token)) return reply(WECHAT_ERRORS.tokenExpired);
    if (!token || token !== this.token) return reply(WECHAT_ERRORS.invalidCredential);
    if (typeof body.touser !== 'string' || !body.touser) return reply(WECHAT_ERRORS.invalidOpenid);
    if (typeof body.template_id !== 'string' || !body.template_id) return reply(WECHAT_ERRORS.invalidTemplate);
    if (typeof body.data !== 'object' || body.data === null) return reply(WECHAT_ERRORS.templateData);
    const scripted = this.scriptedSendErrors.shift();
    if (scripted !== undefined) return this.scripted(scripted);
    this.subscribeSends.push(body as unknown as SubscribeSend);
    return WECHAT_ANSWERS.sent();
  }
}
