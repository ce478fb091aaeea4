import type { PublicSecurityChoice, PublicSecurityView } from '@beian/shared';
import { request } from './request';

export function getPublicSecurity(orderId: string): Promise<PublicSecurityView> {
  return request<PublicSecurityView>(`/api/orders/${encodeURIComponent(orderId)}/public-security`);
}

/** 同意授权 / 暂不授权 (不授权，关闭此模块): recorded with its time and the question's text, until the 管局 approves. */
export function choosePublicSecurity(orderId: string, choice: PublicSecurityChoice): Promise<PublicSecurityView> {
  return request<PublicSecurityView>(`/api/orders/${encodeURIComponent(orderId)}/public-security/consent`, { method: 'PUT', data: { choice } });
}
