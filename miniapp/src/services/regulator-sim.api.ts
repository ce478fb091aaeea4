import type { SmsVerifyRequest, SmsVerifyResponse } from '@beian/shared';
import { request } from './request';

/** The simulated MIIT verification form (simulator only; the real one is MIIT's own page). */
export function verifyRegulatorSms(body: SmsVerifyRequest): Promise<SmsVerifyResponse> {
  return request<SmsVerifyResponse>('/api/regulator-sim/sms-verify', { method: 'POST', data: body });
}
