import type { AccountView, BindAccountMobileRequest, SubmitRealNameRequest } from '@beian/shared';
import { request } from './request';

/** 我的账号: the account ID, the type and the 实名认证 (masked). */
export function getMyAccount(): Promise<AccountView> {
  return request<AccountView>('/api/accounts/me');
}

export function submitRealName(body: SubmitRealNameRequest): Promise<AccountView> {
  return request<AccountView>('/api/accounts/me/real-name', { method: 'POST', data: body });
}

/** 绑定手机: the code was sent by `sendSmsCode` with purpose `account_mobile`. */
export function bindAccountMobile(body: BindAccountMobileRequest): Promise<AccountView> {
  return request<AccountView>('/api/accounts/me/mobile', { method: 'POST', data: body });
}
