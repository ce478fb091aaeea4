import type { SendSmsCodeRequest, SendSmsCodeResponse, SmsVerification, VerifySmsCodeRequest } from '@beian/shared';
import { request } from './request';

export function sendSmsCode(body: SendSmsCodeRequest): Promise<SendSmsCodeResponse> {
  return request<SendSmsCodeResponse>('/api/sms/codes', { method: 'POST', data: body });
}

export function verifySmsCode(body: VerifySmsCodeRequest): Promise<SmsVerification> {
  return request<SmsVerification>('/api/sms/verify', { method: 'POST', data: body });
}

/** The (principal path, mobile) pairs of the order already proven by an SMS code. */
export function listMobileVerifications(orderId: string): Promise<SmsVerification[]> {
  return request<SmsVerification[]>(`/api/orders/${encodeURIComponent(orderId)}/mobile-verifications`);
}
