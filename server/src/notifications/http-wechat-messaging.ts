import { WechatApiError } from '../auth/wechat-gateway.port';
import type { Clock } from '../platform/clock/clock';
import { WECHAT_TOKEN_ERRORS, WechatMessaging, type SubscribeMessage } from './wechat-messaging.port';

interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

export interface HttpWechatMessagingOptions {
  appId: string;
  appSecret: string;
  apiBase: string;
  miniprogramState: 'developer' | 'trial' | 'formal';
  timeoutMs?: number;
}

/** A cached token is replaced this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

/**
 * `POST /cgi-bin/stable_token` + `POST /cgi-bin/message/subscribe/send`. The access token is shared by every
 * caller: fetched once and cached until shortly before `expires_in`, and when WeChat calls it invalid, refreshed
 * once for all the callers that saw it fail (single flight), then each retries once.
 */
export class HttpWechatMessaging extends WechatMessaging {
  private token: { value: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly options: HttpWechatMessagingOptions,
    private readonly clock: Clock,
  ) {
    super();
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    const token = await this.accessToken();
    try {
      await this.send(token, message);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !WECHAT_TOKEN_ERRORS.includes(error.errcode)) throw error;
      await this.send(await this.refreshAfterRejection(token), message);
    }
  }

  private async send(token: string, message: SubscribeMessage): Promise<void> {
    await this.post(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: this.options.miniprogramState,
      lang: 'zh_CN',
    });
  }

  private accessToken(): Promise<string> {
    if (this.token && this.clock.now().getTime() < this.token.expiresAt) return Promise.resolve(this.token.value);
    return this.fetchToken(false);
  }

  /** Only the first caller holding the rejected token forces a new one; later ones reuse its result. */
  private refreshAfterRejection(rejected: string): Promise<string> {
    if (this.token && this.token.value !== rejected && this.clock.now().getTime() < this.token.expiresAt) return Promise.resolve(this.token.value);
    return this.fetchToken(true);
  }

  private fetchToken(forceRefresh: boolean): Promise<string> {
    this.refreshing ??= this.post('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
      force_refresh: forceRefresh,
    })
      .then((answer) => {
        if (!answer.access_token || !answer.expires_in) throw new WechatApiError(-1, 'stable_token answer without access_token');
        this.token = { value: answer.access_token, expiresAt: this.clock.now().getTime() + answer.expires_in * 1000 - TOKEN_MARGIN_MS };
        return answer.access_token;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  private async post(path: string, body: unknown): Promise<WechatAnswer> {
    let answer: WechatAnswer;
    try {
      const res = await fetch(new URL(path, this.options.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new WechatApiError(-1, `HTTP ${res.status}`);
      answer = (await res.json()) as WechatAnswer;
    } catch (error) {
      if (error instanceof WechatApiError) throw error;
      throw new WechatApiError(-1, error instanceof Error ? error.message : String(error));
    }
    if (answer.errcode) throw new WechatApiError(answer.errcode, answer.errmsg ?? '');
    return answer;
  }
}
