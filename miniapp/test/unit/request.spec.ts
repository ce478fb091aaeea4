import Taro from '@tarojs/taro';
import type { LoginResponse } from '@beian/shared';
import { ApiError, CLIENT_ERRORS, apiUrl, exchange, request } from '../../src/services/request';
import { useSessionStore } from '../../src/services/session.store';

type Call = { url: string; method: string; data?: unknown; header: Record<string, string> };
type Answer = { statusCode: number; data: unknown; header?: Record<string, string> };

const taroRequest = Taro.request as unknown as jest.Mock<Promise<Answer>, [Call]>;
const reLaunch = Taro.reLaunch as unknown as jest.Mock;
const getCurrentPages = Taro.getCurrentPages as unknown as jest.Mock<{ route?: string }[]>;

const LOGIN: LoginResponse = { token: 'token-1', expiresAt: '2026-12-01T00:00:00Z', user: { id: 'u1', nickname: '张三', roles: ['applicant'] } };

function answers(...list: (Answer | 'network down')[]): void {
  for (const answer of list) {
    if (answer === 'network down') taroRequest.mockRejectedValueOnce(new Error('request:fail'));
    else taroRequest.mockResolvedValueOnce(answer);
  }
}

const calls = (): Call[] => taroRequest.mock.calls.map(([call]) => call);

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  taroRequest.mockReset();
  reLaunch.mockClear();
  getCurrentPages.mockReturnValue([{ route: 'pages/index/index' }]);
  useSessionStore.getState().clear();
});
afterEach(() => jest.useRealTimers());

describe('request client', () => {
  it('should send the session token as a bearer header when signed in', async () => {
    useSessionStore.getState().signIn(LOGIN);
    answers({ statusCode: 200, data: { ok: true } });

    await expect(request('/api/orders')).resolves.toEqual({ ok: true });

    expect(calls()[0]).toMatchObject({
      url: 'https://api.beian.test/api/orders',
      method: 'GET',
      header: { Authorization: 'Bearer token-1', Accept: 'application/json' },
    });
  });

  it('should send no Authorization header when signed out', async () => {
    answers({ statusCode: 200, data: [] });

    await request('/api/orders');

    expect(calls()[0]?.header).not.toHaveProperty('Authorization');
  });

  it('should keep an absolute address as it is when the path is a full URL', () => {
    expect(apiUrl('/api/x')).toBe('https://api.beian.test/api/x');
    expect(apiUrl('https://cos.example.com/put?sig=1')).toBe('https://cos.example.com/put?sig=1');
  });

  it('should send the JSON body, the Idempotency-Key and If-None-Match when given', async () => {
    answers({ statusCode: 201, data: { id: 'o1' } });

    await request('/api/orders', { method: 'POST', data: { kind: 'first_filing' }, idempotencyKey: 'key-1', ifNoneMatch: '"v1"' });

    expect(calls()[0]).toMatchObject({ method: 'POST', data: { kind: 'first_filing' }, header: { 'Idempotency-Key': 'key-1', 'If-None-Match': '"v1"' } });
  });

  it('should map an error body to an ApiError with its code, message, field errors and details', async () => {
    const fields = [
      { path: 'subject.name', code: 'REQUIRED', message: '请填写主体名称' },
      { path: 'subject.name', code: 'TOO_LONG', message: '名称过长' },
      { path: 'websites.0.domains.0', code: 'FORMAT', message: '域名格式不正确' },
    ];
    answers({ statusCode: 422, data: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields, details: { count: 3 } } });

    const error = await failure(request('/api/orders/o1/submit', { method: 'POST' }));

    expect(error).toMatchObject({ status: 422, code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields, details: { count: 3 } });
    expect(error.fieldMessages()).toEqual({ 'subject.name': '请填写主体名称', 'websites.0.domains.0': '域名格式不正确' });
  });

  it('should answer BAD_RESPONSE when an error answer has no readable body', async () => {
    answers({ statusCode: 500, data: '<html>Internal Server Error</html>' });

    const error = await failure(request('/api/orders'));

    expect(error).toMatchObject({ status: 500, code: 'BAD_RESPONSE', message: CLIENT_ERRORS.BAD_RESPONSE, fields: [] });
  });

  it('should retry a network failure of a GET, then resolve when the network comes back', async () => {
    jest.useFakeTimers();
    answers('network down', 'network down', { statusCode: 200, data: { id: 'o1' } });

    const answer = request('/api/orders/o1');
    await jest.advanceTimersByTimeAsync(1300);

    await expect(answer).resolves.toEqual({ id: 'o1' });
    expect(calls()).toHaveLength(3);
  });

  it('should reuse the same Idempotency-Key on every retry of a POST when the network fails', async () => {
    jest.useFakeTimers();
    answers('network down', { statusCode: 200, data: { id: 'o1' } });

    const answer = request('/api/orders', { method: 'POST', data: {}, idempotencyKey: 'key-7' });
    await jest.advanceTimersByTimeAsync(300);

    await expect(answer).resolves.toEqual({ id: 'o1' });
    expect(calls().map((call) => call.header['Idempotency-Key'])).toEqual(['key-7', 'key-7']);
  });

  it('should give up with NETWORK_ERROR (status 0) after three attempts when the network stays down', async () => {
    jest.useFakeTimers();
    answers('network down', 'network down', 'network down');

    const answer = failure(request('/api/orders'));
    await jest.advanceTimersByTimeAsync(1300);

    await expect(answer).resolves.toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: CLIENT_ERRORS.NETWORK_ERROR });
    expect(calls()).toHaveLength(3);
  });

  it('should not retry a POST without an Idempotency-Key when the network fails', async () => {
    answers('network down');

    await expect(failure(request('/api/orders/o1/submit', { method: 'POST' }))).resolves.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(calls()).toHaveLength(1);
  });

  it('should send a keyed POST again when the balancer answers 502 for a process that died, and resolve with the next answer', async () => {
    jest.useFakeTimers();
    answers({ statusCode: 502, data: '<html>502 Bad Gateway</html>' }, { statusCode: 200, data: { id: 'o1' } });

    const answer = request('/api/orders/o1/submit', { method: 'POST', idempotencyKey: 'key-9' });
    await jest.advanceTimersByTimeAsync(300);

    await expect(answer).resolves.toEqual({ id: 'o1' });
    expect(calls().map((call) => call.header['Idempotency-Key'])).toEqual(['key-9', 'key-9']);
  });

  it('should give up with SERVICE_UNAVAILABLE when the balancer keeps answering 503, and not retry a POST without a key', async () => {
    jest.useFakeTimers();
    answers({ statusCode: 503, data: '' }, { statusCode: 503, data: '' }, { statusCode: 503, data: '' }, { statusCode: 504, data: '' });

    const answer = failure(request('/api/orders'));
    await jest.advanceTimersByTimeAsync(1300);

    await expect(answer).resolves.toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', message: CLIENT_ERRORS.SERVICE_UNAVAILABLE });
    expect(calls()).toHaveLength(3);
    await expect(failure(request('/api/orders/o1/submit', { method: 'POST' }))).resolves.toMatchObject({ status: 504, code: 'SERVICE_UNAVAILABLE' });
    expect(calls()).toHaveLength(4);
  });

  it("should not retry the app's own 503 answer, which carries its error", async () => {
    answers({ statusCode: 503, data: { code: 'WECHAT_UNAVAILABLE', message: '微信服务暂不可用' } });

    await expect(failure(request('/api/orders'))).resolves.toMatchObject({ status: 503, code: 'WECHAT_UNAVAILABLE' });
    expect(calls()).toHaveLength(1);
  });

  it('should not retry an answered error when the server refuses', async () => {
    answers({ statusCode: 500, data: { code: 'INTERNAL', message: '服务异常' } });

    await expect(failure(request('/api/orders'))).resolves.toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(calls()).toHaveLength(1);
  });

  it('should end the session and open the login page when an expired token gets 401', async () => {
    useSessionStore.getState().signIn(LOGIN);
    answers({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } });

    await expect(failure(request('/api/orders'))).resolves.toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });

    expect(useSessionStore.getState().token).toBeNull();
    expect(reLaunch).toHaveBeenCalledWith({ url: '/pages/login/index' });
  });

  it('should bring the user back to the page they were on when the session ends there', async () => {
    useSessionStore.getState().signIn(LOGIN);
    (Taro.getCurrentInstance as unknown as jest.Mock).mockReturnValueOnce({
      router: { path: '/pages/progress/index', params: { id: 'o-1', $taroTimestamp: '1' } },
    });
    answers({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } });

    await failure(request('/api/orders'));

    expect(reLaunch).toHaveBeenCalledWith({ url: `/pages/login/index?back=${encodeURIComponent('/pages/progress/index?id=o-1')}` });
  });

  it('should not reopen the login page when the 401 comes while it is already open', async () => {
    useSessionStore.getState().signIn(LOGIN);
    getCurrentPages.mockReturnValue([{ route: 'pages/login/index' }]);
    answers({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } });

    await failure(request('/api/orders'));

    expect(useSessionStore.getState().token).toBeNull();
    expect(reLaunch).not.toHaveBeenCalled();
  });

  it('should leave navigation alone when a signed-out request gets 401', async () => {
    answers({ statusCode: 401, data: { code: 'UNAUTHENTICATED', message: '请先登录' } });

    await failure(request('/api/auth/me'));

    expect(reLaunch).not.toHaveBeenCalled();
  });

  it('should resolve notModified on a 304 to a conditional request and lower-case the headers of a 200', async () => {
    answers({ statusCode: 200, data: { status: 'draft' }, header: { ETag: '"v2"' } }, { statusCode: 304, data: '' });

    await expect(exchange('/api/orders/o1/progress', { ifNoneMatch: '"v1"' })).resolves.toEqual({
      notModified: false,
      data: { status: 'draft' },
      headers: { etag: '"v2"' },
    });
    await expect(exchange('/api/orders/o1/progress', { ifNoneMatch: '"v2"' })).resolves.toEqual({ notModified: true });
  });

  it('should reject a 304 as BAD_RESPONSE when the caller wanted a body', async () => {
    answers({ statusCode: 304, data: '' });

    await expect(failure(request('/api/orders/o1/progress', { ifNoneMatch: '"v1"' }))).resolves.toMatchObject({ status: 304, code: 'BAD_RESPONSE' });
  });
});
