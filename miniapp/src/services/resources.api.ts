import type { ResourceChoice } from '@beian/shared';
import { request } from './request';

/** The account's cloud resources for the services step's picker: eligible first, the others with their reasons. */
export function listResources(): Promise<ResourceChoice[]> {
  return request<ResourceChoice[]>('/api/resources');
}
