import type { AccountView, SubmitRealNameRequest } from '@beian/shared';
import { request } from './request';

/** 我的账号: the account ID, the type and the 实名认证 (masked). */
export function getMyAccount(): Promise<AccountView> {
  return request<AccountView>('/api/accounts/me');
}

export function submitRealName(body: SubmitRealNameRequest): Promise<AccountView> {
  return request<AccountView>('/api/accounts/me/real-name', { method: 'POST', data: body });
}
