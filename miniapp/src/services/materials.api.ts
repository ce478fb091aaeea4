import type { CreatePrincipalUploadRequest, CreateUploadRequest, MaterialFile, OcrRequest, OcrResponse, UploadTicket } from '@beian/shared';
import { request } from './request';

/** Phase 1 of an upload by the order's owner. */
export function createUpload(orderId: string, body: CreateUploadRequest): Promise<UploadTicket> {
  return request<UploadTicket>(`/api/orders/${encodeURIComponent(orderId)}/uploads`, { method: 'POST', data: body });
}

/** Phase 1 of an upload by an invited principal. */
export function createPrincipalUpload(token: string, body: CreatePrincipalUploadRequest): Promise<UploadTicket> {
  return request<UploadTicket>(`/api/invitations/${encodeURIComponent(token)}/uploads`, { method: 'POST', data: body });
}

/** Phase 3: the server checks the bytes by content and keeps the file. */
export function confirmUpload(uploadId: string): Promise<MaterialFile> {
  return request<MaterialFile>(`/api/uploads/${encodeURIComponent(uploadId)}/confirm`, { method: 'POST' });
}

export function listMaterials(orderId: string): Promise<MaterialFile[]> {
  return request<MaterialFile[]>(`/api/orders/${encodeURIComponent(orderId)}/materials`);
}

/** Reads the certificate number and name from a confirmed photo; fields it could not read are absent. */
export function recognise(orderId: string, body: OcrRequest): Promise<OcrResponse> {
  return request<OcrResponse>(`/api/orders/${encodeURIComponent(orderId)}/ocr`, { method: 'POST', data: body });
}
