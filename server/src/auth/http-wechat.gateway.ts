import { WechatApiError, WechatGateway, type WechatSession } from './wechat-gateway.port';

interface Code2SessionAnswer {
  openid?: string;
  session_key?: string;
  unionid?: string;
  errcode?: number;
  errmsg?: string;
}

/** GET /sns/jscode2session on api.weixin.qq.com (or a compatible base URL). */
export class HttpWechatGateway extends WechatGateway {
  constructor(
    private readonly config: { appId: string; appSecret: string; apiBase: string },
    private readonly timeoutMs = 5000,
  ) {
    super();
  }

  async code2Session(code: string): Promise<WechatSession> {
    const url = new URL('/sns/jscode2session', this.config.apiBase);
    url.search = new URLSearchParams({
      appid: this.config.appId,
      secret: this.config.appSecret,
      js_code: code,
      grant_type: 'authorization_code',
    }).toString();
    let answer: Code2SessionAnswer;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(this.timeoutMs) });
      if (!res.ok) throw new WechatApiError(-1, `HTTP ${res.status}`);
      answer = (await res.json()) as Code2SessionAnswer;
    } catch (error) {
      if (error instanceof WechatApiError) throw error;
      throw new WechatApiError(-1, error instanceof Error ? error.message : String(error));
    }
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    if (!answer.openid || !answer.session_key) throw new WechatApiError(-1, 'answer without openid/session_key');
    return { openid: answer.openid, sessionKey: answer.session_key, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
  }
}
