import type { SimulatedMiitSms, SmsVerifyRequest, SmsVerifyResponse } from '@beian/shared';
import { request } from './request';

/** The simulated MIIT verification form (simulator only; the real one is MIIT's own page). */
export function verifyRegulatorSms(body: SmsVerifyRequest): Promise<SmsVerifyResponse> {
  return request<SmsVerifyResponse>('/api/regulator-sim/sms-verify', { method: 'POST', data: body });
}

/** The verification SMS the simulated MIIT sent to a mobile (simulator only): what that phone would show. */
export function simulatedMiitSms(mobile: string): Promise<SimulatedMiitSms[]> {
  return request<SimulatedMiitSms[]>('/api/regulator-sim/sms/search', { method: 'POST', data: { mobile } });
}
