import type { MigrationCodeRequest, MigrationConfirmRequest, MigrationOptions, MigrationView, SendAccountCodeResponse } from '@beian/shared';
import { request } from './request';

/** Whether the subject can be migrated now (and why not), with the notices; a started migration to resume. */
export function getMigrationOptions(subjectId: string): Promise<MigrationOptions> {
  return request<MigrationOptions>(`/api/filings/subjects/${encodeURIComponent(subjectId)}/migration`);
}

export function getMigration(orderId: string): Promise<MigrationView> {
  return request<MigrationView>(`/api/orders/${encodeURIComponent(orderId)}/migration`);
}

export function sendMigrationCode(orderId: string, body: MigrationCodeRequest): Promise<SendAccountCodeResponse> {
  return request<SendAccountCodeResponse>(`/api/orders/${encodeURIComponent(orderId)}/migration/codes`, { method: 'POST', data: body });
}

export function confirmMigration(orderId: string, body: MigrationConfirmRequest): Promise<MigrationView> {
  return request<MigrationView>(`/api/orders/${encodeURIComponent(orderId)}/migration/confirm`, { method: 'POST', data: body });
}
