import { createServer, type IncomingMessage, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';

/**
 * A local stand-in for api.weixin.qq.com that answers `GET /sns/jscode2session` as documented: `{openid,
 * session_key, unionid?}` on success, `{errcode, errmsg}` otherwise (40029 invalid code, 40163 code been used,
 * 45011 frequency limit, 40226 high-risk user, -1 system busy). A code works once, as on the real server.
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

  issueCode(openid: string): string {
    const code = randomBytes(16).toString('hex');
    this.issued.set(code, openid);
    return code;
  }

  failCode(code: string, errcode: number, errmsg: string): void {
    this.forcedErrors.set(code, { errcode, errmsg });
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const answer = this.handle(req);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const { port } = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private handle(req: IncomingMessage): Record<string, unknown> {
    const url = new URL(req.url ?? '/', 'http://local');
    const query = Object.fromEntries(url.searchParams);
    this.requests.push({ path: url.pathname, query });
    if (url.pathname !== '/sns/jscode2session') return { errcode: 40066, errmsg: 'invalid url' };
    if (query.appid !== this.appId) return { errcode: 40013, errmsg: 'invalid appid' };
    if (query.secret !== this.appSecret) return { errcode: 40125, errmsg: 'invalid appsecret' };
    if (query.grant_type !== 'authorization_code') return { errcode: 40002, errmsg: 'invalid grant_type' };
    const code = query.js_code ?? '';
    const forced = this.forcedErrors.get(code);
    if (forced) return forced;
    if (this.used.has(code)) return { errcode: 40163, errmsg: 'code been used' };
    const openid = this.issued.get(code);
    if (!openid) return { errcode: 40029, errmsg: 'invalid code' };
    this.used.add(code);
    return { openid, session_key: randomBytes(16).toString('base64') };
  }
}
