import type { RegisterResourceRequest, ResourceChoice } from '@beian/shared';
import { request } from './request';

/** The account's cloud resources for the services step's picker: eligible first, the others with their reasons. */
export function listResources(): Promise<ResourceChoice[]> {
  return request<ResourceChoice[]>('/api/resources');
}

const accountResources = (accountId: string) => `/api/admin/accounts/${encodeURIComponent(accountId)}/resources`;

/** Staff (role admin): an account's instances in the simulated inventory. */
export function listAccountResources(accountId: string): Promise<ResourceChoice[]> {
  return request<ResourceChoice[]>(accountResources(accountId));
}

export function registerResource(accountId: string, instanceId: string, body: RegisterResourceRequest): Promise<ResourceChoice> {
  return request<ResourceChoice>(`${accountResources(accountId)}/${encodeURIComponent(instanceId)}`, { method: 'PUT', data: body });
}

export function refundResource(accountId: string, instanceId: string): Promise<ResourceChoice> {
  return request<ResourceChoice>(`${accountResources(accountId)}/${encodeURIComponent(instanceId)}/refund`, { method: 'POST' });
}
