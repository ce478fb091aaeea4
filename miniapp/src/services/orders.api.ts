import type {
  ContinueCode,
  ContinueTarget,
  CreateOrderRequest,
  FilingTypeDecision,
  FilingTypeVerifyRequest,
  OrderDetail,
  OrderSummary,
  PrecheckResponse,
  RejectionHintsResponse,
  SaveDraftRequest,
  SaveDraftResponse,
} from '@beian/shared';
import { request } from './request';

export function listOrders(): Promise<OrderSummary[]> {
  return request<OrderSummary[]>('/api/orders');
}

/** `reveal`: the owner's own personal data unmasked, to edit it (kept in memory only, never in storage). */
export function getOrder(id: string, reveal = false): Promise<OrderDetail> {
  return request<OrderDetail>(`/api/orders/${encodeURIComponent(id)}${reveal ? '?reveal=true' : ''}`);
}

export function createOrder(body: CreateOrderRequest, idempotencyKey: string): Promise<OrderDetail> {
  return request<OrderDetail>('/api/orders', { method: 'POST', data: body, idempotencyKey });
}

/** Fails with 409 `VERSION_CONFLICT` (details: `VersionConflictDetails`) when the order changed elsewhere. */
export function saveDraft(id: string, body: SaveDraftRequest): Promise<SaveDraftResponse> {
  return request<SaveDraftResponse>(`/api/orders/${encodeURIComponent(id)}/draft`, { method: 'PATCH', data: body });
}

/** Fails with 422 and `fields` when the draft does not pass the submit checks. */
export function submitOrder(id: string, idempotencyKey: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/api/orders/${encodeURIComponent(id)}/submit`, { method: 'POST', idempotencyKey });
}

/** 重新提交: a rejected, failed or returned order goes back for review with the applicant's changes. */
export function resubmitOrder(id: string, idempotencyKey: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/api/orders/${encodeURIComponent(id)}/resubmit`, { method: 'POST', idempotencyKey });
}

/** 撤回修改: back to the draft; 409 REVIEW_ALREADY_STARTED once a reviewer has claimed the submission. */
export function pullBackOrder(id: string, idempotencyKey: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/api/orders/${encodeURIComponent(id)}/pull-back`, { method: 'POST', idempotencyKey });
}

/** 撤销订单: ends the order; the account may then start a new one. */
export function withdrawOrder(id: string, idempotencyKey: string): Promise<OrderDetail> {
  return request<OrderDetail>(`/api/orders/${encodeURIComponent(id)}/withdraw`, { method: 'POST', idempotencyKey });
}

/** Field errors and pre-check findings of the saved draft, as submitting would see them. */
export function precheckOrder(id: string): Promise<PrecheckResponse> {
  return request<PrecheckResponse>(`/api/orders/${encodeURIComponent(id)}/precheck`);
}

/** The top reasons orders like this one (same province, nature and kind) were rejected at 初审 last month. */
export function rejectionHints(id: string): Promise<RejectionHintsResponse> {
  return request<RejectionHintsResponse>(`/api/orders/${encodeURIComponent(id)}/rejection-hints`);
}

/** 验证备案类型: the kind the server creates the order with, and why (Chinese). */
export function verifyFilingType(body: FilingTypeVerifyRequest): Promise<FilingTypeDecision> {
  return request<FilingTypeDecision>('/api/filing-type/verify', { method: 'POST', data: body });
}

/** 扫码继续: the short scene and H5 link that open this order at the step on the phone. */
export function getContinueCode(id: string, step: string): Promise<ContinueCode> {
  return request<ContinueCode>(`/api/orders/${encodeURIComponent(id)}/continue-code?step=${encodeURIComponent(step)}`);
}

/** The order and step a scanned 扫码继续 code stands for (the order's owner only). */
export function resolveContinueCode(scene: string): Promise<ContinueTarget> {
  return request<ContinueTarget>(`/api/continue-codes/${encodeURIComponent(scene)}`);
}
