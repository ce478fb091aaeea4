import type {
  AccessLink,
  AccessRequest,
  CallLogEntry,
  CallLogRequest,
  ConfirmFaceCheckRequest,
  PrecheckMissesResponse,
  FaceCheckView,
  RejectRequest,
  RevealedField,
  ReviewOrderDetail,
  ReviewQueueItem,
} from '@beian/shared';
import { request } from './request';

/** Staff review console (role `reviewer`). */
function orderPath(orderId: string, rest = ''): string {
  return `/api/review/orders/${encodeURIComponent(orderId)}${rest}`;
}

/** 初审 rejections on fields the pre-check let through, clustered by field and reason, over the last `months` months. */
export function precheckMisses(months: number): Promise<PrecheckMissesResponse> {
  return request<PrecheckMissesResponse>(`/api/review/precheck-misses?months=${months}`);
}

/** Orders waiting for 初审, the earliest due first. */
export function listQueue(): Promise<ReviewQueueItem[]> {
  return request<ReviewQueueItem[]>('/api/review/queue');
}

export function getReviewOrder(orderId: string): Promise<ReviewOrderDetail> {
  return request<ReviewOrderDetail>(orderPath(orderId));
}

export function logCall(orderId: string, body: CallLogRequest, idempotencyKey: string): Promise<CallLogEntry> {
  return request<CallLogEntry>(orderPath(orderId, '/calls'), { method: 'POST', data: body, idempotencyKey });
}

/** 领取: takes the submission for 初审 (409 REVIEW_CLAIMED_BY_OTHER when a colleague has it). */
export function claimOrder(orderId: string): Promise<ReviewOrderDetail> {
  return request<ReviewOrderDetail>(orderPath(orderId, '/claim'), { method: 'POST' });
}

export async function approveOrder(orderId: string, idempotencyKey: string): Promise<void> {
  await request<unknown>(orderPath(orderId, '/approve'), { method: 'POST', idempotencyKey });
}

export async function rejectOrder(orderId: string, body: RejectRequest, idempotencyKey: string): Promise<void> {
  await request<unknown>(orderPath(orderId, '/reject'), { method: 'POST', data: body, idempotencyKey });
}

/** A short-lived signed link to one personal value, material or face video; the server audits it with the reason. */
export function requestAccess(orderId: string, body: AccessRequest): Promise<AccessLink> {
  return request<AccessLink>(orderPath(orderId, '/access'), { method: 'POST', data: body });
}

/** Reads the value behind a field link (no login needed: the signature is the authority). */
export function openFieldLink(link: AccessLink): Promise<RevealedField> {
  return request<RevealedField>(link.url);
}

/** The reviewer's verdict on a face video left for confirmation: `ok`, or not with a reason for the principal. */
export function confirmFaceCheck(faceCheckId: string, body: ConfirmFaceCheckRequest): Promise<FaceCheckView> {
  return request<FaceCheckView>(`/api/review/face-checks/${encodeURIComponent(faceCheckId)}/confirm`, { method: 'POST', data: body });
}
