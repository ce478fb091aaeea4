import type { DevLoginRequest, LoginResponse, WechatLoginRequest } from '@beian/shared';
import { request } from './request';

export function wechatLogin(body: WechatLoginRequest): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/wechat-login', { method: 'POST', data: body });
}

/** Development login by nickname: only the embedded default server accepts it. */
export function devLogin(body: DevLoginRequest): Promise<LoginResponse> {
  return request<LoginResponse>('/api/auth/dev-login', { method: 'POST', data: body });
}

/** Ends this session on the server; the app forgets its token either way. */
export async function logout(): Promise<void> {
  await request<unknown>('/api/auth/logout', { method: 'POST' });
}
