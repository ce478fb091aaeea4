import type { CancellationOptions, CancellationView, CodeChannel, SendAccountCodeResponse, VerifyAccountCodeRequest } from '@beian/shared';
import { request } from './request';

/** Which 注销 / 取消接入 kinds the subject allows now (each refusal with its reason), and a 空壳主体's offline procedure. */
export function getCancellationOptions(subjectId: string): Promise<CancellationOptions> {
  return request<CancellationOptions>(`/api/filings/subjects/${encodeURIComponent(subjectId)}/cancellation`);
}

export function chooseCancellationServices(orderId: string, serviceIds: string[]): Promise<CancellationView> {
  return request<CancellationView>(`/api/orders/${encodeURIComponent(orderId)}/cancellation`, { method: 'PUT', data: { serviceIds } });
}

export function sendCancellationCode(orderId: string, channel: CodeChannel): Promise<SendAccountCodeResponse> {
  return request<SendAccountCodeResponse>(`/api/orders/${encodeURIComponent(orderId)}/cancellation/codes`, { method: 'POST', data: { channel } });
}

export function verifyCancellationCode(orderId: string, body: VerifyAccountCodeRequest): Promise<CancellationView> {
  return request<CancellationView>(`/api/orders/${encodeURIComponent(orderId)}/cancellation/verify`, { method: 'POST', data: body });
}
