import Taro from '@tarojs/taro';
import type { ErrorBody, FieldError } from '@beian/shared';
import { currentRoute, relaunch } from '../routes';
import { useSessionStore } from './session.store';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: Method;
  /** JSON body (or query for GET). */
  data?: unknown;
  /** Sent as `Idempotency-Key`; it also makes a non-idempotent request safe to retry. */
  idempotencyKey?: string;
  /** Sent as `If-None-Match`: a 304 answer then resolves `exchange` with `notModified`. */
  ifNoneMatch?: string;
}

/** A 2xx answer with its headers (names lower-case), or a 304 to a conditional request. */
export type Exchange<T> = { notModified: false; data: T; headers: Record<string, string> } | { notModified: true };

/** Client-side failures that never reached the server or got no readable answer. */
export const CLIENT_ERRORS = {
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后重试',
  BAD_RESPONSE: '服务返回了无法识别的内容，请稍后再试',
} as const;

export class ApiError extends Error {
  constructor(
    /** HTTP status; 0 when the request never got an answer. */
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Field messages keyed by dotted path (`subject.name`), first message per path. */
  fieldMessages(): Record<string, string> {
    const messages: Record<string, string> = {};
    for (const field of this.fields) messages[field.path] ??= field.message;
    return messages;
  }
}

const IDEMPOTENT_METHODS: ReadonlySet<Method> = new Set(['GET', 'PUT', 'DELETE']);
const RETRY_DELAYS_MS = [300, 1000];
/**
 * What a balancer answers, without the app's error body, when the process behind it died, is being replaced or did
 * not answer in time: like a lost network, the same request (with its Idempotency-Key) is sent again.
 */
const GATEWAY_FAILURES: ReadonlySet<number> = new Set([502, 503, 504]);

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && typeof (value as ErrorBody).code === 'string' && typeof (value as ErrorBody).message === 'string';
}

function toApiError(status: number, body: unknown): ApiError {
  if (!isErrorBody(body)) return new ApiError(status, 'BAD_RESPONSE', CLIENT_ERRORS.BAD_RESPONSE);
  return new ApiError(status, body.code, body.message, body.fields ?? [], body.details);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A key for one user action: reuse it for every retry of that action. */
export function newIdempotencyKey(): string {
  const random = Math.random().toString(36).slice(2, 12);
  return `${Date.now().toString(36)}-${random}`;
}

/** The current page with its query, to come back to after logging in. */
function currentPageUrl(): string | undefined {
  const router = Taro.getCurrentInstance().router;
  const path = router?.path.split('?')[0];
  if (!path) return undefined;
  const query = Object.entries(router?.params ?? {})
    .filter(([key, value]) => !key.startsWith('$') && value !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `/${path.replace(/^\//, '')}${query ? `?${query}` : ''}`;
}

function onUnauthenticated(): void {
  useSessionStore.getState().clear();
  if (currentRoute() === 'login') return;
  const back = currentPageUrl();
  void relaunch('login', back ? { back } : {});
}

/** The full address of a server path (`/api/…`); absolute addresses are kept as they are. */
export function apiUrl(url: string): string {
  return url.startsWith('/') ? `${API_BASE_URL}${url}` : url;
}

function lowerCaseKeys(header: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(header ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The one HTTP client of the app: resolves with the body of a 2xx answer, rejects with `ApiError`. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const answer = await exchange<T>(path, options);
  if (answer.notModified) throw new ApiError(304, 'BAD_RESPONSE', CLIENT_ERRORS.BAD_RESPONSE);
  return answer.data;
}

/** `request` with the answer's headers, and a cheap 304 for conditional requests (polling). */
export async function exchange<T>(path: string, options: RequestOptions = {}): Promise<Exchange<T>> {
  const method = options.method ?? 'GET';
  const token = useSessionStore.getState().token;
  const header: Record<string, string> = { Accept: 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  if (options.idempotencyKey) header['Idempotency-Key'] = options.idempotencyKey;
  if (options.ifNoneMatch) header['If-None-Match'] = options.ifNoneMatch;
  const retryable = IDEMPOTENT_METHODS.has(method) || options.idempotencyKey !== undefined;

  for (let attempt = 0; ; attempt++) {
    let response: { statusCode: number; data: unknown; header?: Record<string, string> } | null;
    try {
      response = await Taro.request({
        url: apiUrl(path),
        method,
        data: options.data as Taro.request.Option['data'],
        header,
        dataType: 'json',
      });
    } catch {
      response = null;
    }
    const gatewayFailed = response !== null && GATEWAY_FAILURES.has(response.statusCode) && !isErrorBody(response.data);
    if (response === null || gatewayFailed) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (retryable && delay !== undefined) {
        await sleep(delay);
        continue;
      }
      if (response === null) throw new ApiError(0, 'NETWORK_ERROR', CLIENT_ERRORS.NETWORK_ERROR);
      throw new ApiError(response.statusCode, 'SERVICE_UNAVAILABLE', CLIENT_ERRORS.SERVICE_UNAVAILABLE);
    }

    const { statusCode, data } = response;
    if (statusCode >= 200 && statusCode < 300) return { notModified: false, data: data as T, headers: lowerCaseKeys(response.header) };
    if (statusCode === 304 && options.ifNoneMatch) return { notModified: true };
    const error = toApiError(statusCode, data);
    if (statusCode === 401 && token) onUnauthenticated();
    throw error;
  }
}

/** Downloads a file the session may read (an export) to a local temporary path; rejects with `ApiError`. */
export async function downloadWithSession(path: string): Promise<string> {
  const token = useSessionStore.getState().token;
  let result: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    result = await Taro.downloadFile({ url: apiUrl(path), header: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', CLIENT_ERRORS.NETWORK_ERROR);
  }
  if (result.statusCode === 401 && token) onUnauthenticated();
  if (result.statusCode < 200 || result.statusCode >= 300) throw new ApiError(result.statusCode, 'BAD_RESPONSE', CLIENT_ERRORS.BAD_RESPONSE);
  return result.tempFilePath;
}
