import { z } from 'zod/mini';
import { RESOURCE_REGIONS, RESOURCE_TYPES, type CloudResource, type ResourceRule } from '../rules/resource-eligibility.table';

/**
 * The account's cloud resources that can host a filing. All routes under `/api`.
 *
 * `GET /api/resources` → {@link ResourceChoice}[]: the caller's resources, eligible ones first, each ineligible one
 *   with its reasons (RESOURCE_RULES).
 * `GET /api/admin/accounts/:accountId/resources` (admin) → {@link ResourceChoice}[] of that account.
 * `PUT /api/admin/accounts/:accountId/resources/:instanceId` (admin) {@link RegisterResourceRequest} → {@link ResourceChoice}:
 *   registers or replaces an instance in the simulated inventory (a real adapter reads the provider's API and refuses).
 * `POST /api/admin/accounts/:accountId/resources/:instanceId/refund` (admin) → {@link ResourceChoice}: the instance is refunded
 *   (退费: its unused 授权码 / 服务码 die).
 * `PUT /api/sim/resources/:instanceId`, `POST /api/sim/resources/:instanceId/refund`: the same for the caller's own
 *   account, simulators only (tests and demos of 授权码 / 服务码).
 * `accountId` is the account's user id (the 12-digit account ID of `accounts` is for display and 授权码 targets).
 */
export interface ResourceChoice extends CloudResource {
  typeLabel: string;
  regionLabel: string;
  eligible: boolean;
  /** Why it cannot host one more service, in Chinese words. */
  reasons: { rule: ResourceRule; reason: string }[];
}

const instanceId = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9-]{1,63}$/, '请输入实例ID，只含字母、数字和短横线'));

export const resourceInstanceIdSchema = instanceId;

export const registerResourceRequestSchema = z.object({
  type: z.enum(Object.keys(RESOURCE_TYPES) as [keyof typeof RESOURCE_TYPES, ...(keyof typeof RESOURCE_TYPES)[]]),
  region: z.enum(Object.keys(RESOURCE_REGIONS) as [keyof typeof RESOURCE_REGIONS, ...(keyof typeof RESOURCE_REGIONS)[]]),
  publicIp: z.nullable(z.string().check(z.regex(/^(\d{1,3}\.){3}\d{1,3}$/, '请输入有效的公网 IPv4 地址'))),
  billingMode: z.enum(['prepaid', 'postpaid']),
  termMonths: z.number().check(z.int(), z.minimum(0), z.maximum(120)),
  expiresAt: z.iso.datetime({ offset: true }),
  boundInstanceId: z.optional(z.nullable(instanceId)),
  filedServices: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(100))),
});
export type RegisterResourceRequest = z.infer<typeof registerResourceRequestSchema>;
