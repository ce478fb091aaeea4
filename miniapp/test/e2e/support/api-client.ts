import type { ServerProcess } from './server-process';

export interface ApiAnswer<T = any> {
  status: number;
  body: T;
}

/** A JSON call to the server under test, as another device or the test's own controls would make it. */
export async function api<T = any>(server: ServerProcess, method: string, path: string, token?: string, body?: unknown): Promise<ApiAnswer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function devLoginToken(server: ServerProcess, nickname: string): Promise<string> {
  const { status, body } = await api<{ token: string }>(server, 'POST', '/api/auth/dev-login', undefined, { nickname });
  if (status !== 200 && status !== 201) throw new Error(`dev login of ${nickname} answered ${status}`);
  return body.token;
}

/** Waits until `read` returns a value (not undefined), polling every 250 ms. */
export async function eventually<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
