import type { Clock } from '../platform/clock/clock';
import { WechatApiError } from './wechat-gateway.port';

export interface WechatAnswer {
  errcode?: number;
  errmsg?: string;
  access_token?: string;
  expires_in?: number;
}

export interface WechatApiClientOptions {
  appId: string;
  appSecret: string;
  apiBase: string;
  timeoutMs?: number;
}

/** The access token is invalid or expired: refresh once, then retry. */
export const WECHAT_TOKEN_ERRORS: readonly number[] = [40001, 42001, 40014];

/** A cached token is replaced this long before WeChat says it expires. */
const TOKEN_MARGIN_MS = 5 * 60_000;

export interface CachedToken {
  value: string;
  /** Epoch ms after which the token is no longer used. */
  expiresAt: number;
}

/** Where every process of the deployment finds the token another one fetched. */
export interface WechatTokenStore {
  read(appId: string): Promise<CachedToken | null>;
  write(appId: string, token: CachedToken): Promise<void>;
}

type Exchange = { json: WechatAnswer } | { bytes: Buffer; contentType: string };

/**
 * The server-side WeChat API (`api.weixin.qq.com`) with the access token from `POST /cgi-bin/stable_token`, shared by
 * every caller of every process: fetched once, kept in the token store (and this process's memory) until shortly before
 * `expires_in`, and when WeChat calls it invalid or expired, fetched again once for all the callers that saw it fail
 * (single flight; a process first looks whether another one already stored a newer token), then each retries once. The fetch is in
 * normal mode: it answers the current token, while `force_refresh` would invalidate the token of every other process
 * and is limited to 20 a day, 30 s apart (getStableAccessToken reference). Errors, including an `errcode` in a 200
 * answer, surface as `WechatApiError` (errcode -1 when WeChat could not be reached).
 */
export class WechatApiClient {
  private token: CachedToken | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    private readonly options: WechatApiClientOptions,
    private readonly clock: Clock,
    private readonly store: WechatTokenStore,
  ) {}

  /** POST `path?access_token=…` expecting a JSON answer. */
  async postJson(path: string, body: unknown): Promise<WechatAnswer> {
    const answer = await this.withToken(path, body);
    if (!('json' in answer)) throw new WechatApiError(-1, `${path} answered ${answer.contentType} instead of JSON`);
    return answer.json;
  }

  /** POST `path?access_token=…` expecting bytes (an image); a JSON answer is WeChat's error. */
  async postForBytes(path: string, body: unknown): Promise<{ bytes: Buffer; contentType: string }> {
    const answer = await this.withToken(path, body);
    if ('json' in answer) throw new WechatApiError(answer.json.errcode ?? -1, answer.json.errmsg ?? 'JSON instead of bytes');
    return answer;
  }

  private async withToken(path: string, body: unknown): Promise<Exchange> {
    const token = await this.accessToken();
    try {
      return await this.exchange(withAccessToken(path, token), body);
    } catch (error) {
      if (!(error instanceof WechatApiError) || !WECHAT_TOKEN_ERRORS.includes(error.errcode)) throw error;
      return this.exchange(withAccessToken(path, await this.refreshAfterRejection(token)), body);
    }
  }

  private accessToken(): Promise<string> {
    if (this.usable(this.token)) return Promise.resolve(this.token.value);
    return this.fetchToken(null);
  }

  /** Only the first caller holding the rejected token fetches again; later ones reuse its result. */
  private refreshAfterRejection(rejected: string): Promise<string> {
    if (this.usable(this.token, rejected)) return Promise.resolve(this.token.value);
    return this.fetchToken(rejected);
  }

  private usable(token: CachedToken | null, rejected: string | null = null): token is CachedToken {
    return token !== null && token.value !== rejected && this.clock.now().getTime() < token.expiresAt;
  }

  private fetchToken(rejected: string | null): Promise<string> {
    this.refreshing ??= this.storedOrFetched(rejected).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  private async storedOrFetched(rejected: string | null): Promise<string> {
    const stored = await this.store.read(this.options.appId);
    if (this.usable(stored, rejected)) {
      this.token = stored;
      return stored.value;
    }
    const answer = await this.exchange('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.options.appId,
      secret: this.options.appSecret,
      force_refresh: false,
    });
    const json = 'json' in answer ? answer.json : {};
    if (!json.access_token || !json.expires_in) throw new WechatApiError(-1, 'stable_token answer without access_token');
    this.token = { value: json.access_token, expiresAt: this.clock.now().getTime() + json.expires_in * 1000 - TOKEN_MARGIN_MS };
    await this.store.write(this.options.appId, this.token);
    return this.token.value;
  }

  private async exchange(path: string, body: unknown): Promise<Exchange> {
    let answer: Exchange;
    try {
      const res = await fetch(new URL(path, this.options.apiBase), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000),
      });
      if (!res.ok) throw new WechatApiError(-1, `HTTP ${res.status}`);
      const contentType = res.headers.get('content-type') ?? '';
      answer =
        /json|text\/plain/.test(contentType) || !contentType
          ? { json: (await res.json()) as WechatAnswer }
          : { bytes: Buffer.from(await res.arrayBuffer()), contentType };
    } catch (error) {
      if (error instanceof WechatApiError) throw error;
      throw new WechatApiError(-1, error instanceof Error ? error.message : String(error));
    }
    if ('json' in answer && answer.json.errcode) throw new WechatApiError(answer.json.errcode, answer.json.errmsg ?? '');
    return answer;
  }
}

function withAccessToken(path: string, token: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}access_token=${encodeURIComponent(token)}`;
}
