import type { CatalogSource } from '../catalog/catalog-source';
import { addMonths, chinaDate } from '../time';

/** 腾讯云 ICP 备案操作指引·新增服务（原备案不在腾讯云）: the resources a filing may stand on (S003 2649–2720). */
const TENCENT_RESOURCES: CatalogSource = { source: '腾讯云 ICP 备案操作指引·云服务资源（S003 2649–2720）', date: '2025-06-27' };
/** Not in the seeds: providers' public help pages, as DOMAIN.md §5 records them. */
const PROVIDER_QUOTA: CatalogSource = {
  source: 'DOMAIN.md §5（服务商公开帮助页：每台服务器可备案的服务数量；S004 13、17 提及该上限但未给出数值）',
  date: '2026-11-22',
};

export const RESOURCE_TYPES = {
  cvm: '云服务器（CVM）',
  lighthouse: '轻量应用服务器（Lighthouse）',
  serverless: 'Serverless 资源包',
  clb: '负载均衡（绑定云服务器）',
} as const;
export type ResourceType = keyof typeof RESOURCE_TYPES;

export const BILLING_MODES = { prepaid: '包年包月', postpaid: '按量计费' } as const;
export type BillingMode = keyof typeof BILLING_MODES;

/** Regions a resource can be bought in; only 中国大陆 ones can host a filed service. */
export const RESOURCE_REGIONS = {
  'ap-beijing': { label: '北京', mainland: true },
  'ap-shanghai': { label: '上海', mainland: true },
  'ap-guangzhou': { label: '广州', mainland: true },
  'ap-nanjing': { label: '南京', mainland: true },
  'ap-chengdu': { label: '成都', mainland: true },
  'ap-chongqing': { label: '重庆', mainland: true },
  'ap-hongkong': { label: '中国香港', mainland: false },
  'ap-singapore': { label: '新加坡', mainland: false },
  'na-siliconvalley': { label: '硅谷', mainland: false },
} as const satisfies Record<string, { label: string; mainland: boolean }>;
export type ResourceRegion = keyof typeof RESOURCE_REGIONS;

/** The limits of a resource that hosts a filing, each with where it comes from. */
export const RESOURCE_LIMITS = {
  MIN_TERM_MONTHS: { value: 3, note: '购买包月3个月及以上（包含续费）', ...TENCENT_RESOURCES },
  MIN_REMAINING_MONTHS: { value: 1, note: '备案期间剩余有效期需大于（含）1个月', ...TENCENT_RESOURCES },
  SERVICES_PER_INSTANCE: { value: 5, note: '每台服务器最多用于备案 5 个网站/APP', ...PROVIDER_QUOTA },
} as const;

/** Why a resource cannot host a filing, in the applicant's words. */
export const RESOURCE_RULES = {
  not_found: { reason: '本账号下没有该实例，请从列表中选择或核对实例ID', ...TENCENT_RESOURCES },
  refunded: { reason: '该资源已退费，不能用于备案', ...TENCENT_RESOURCES },
  not_mainland: { reason: '非中国大陆地区的资源不能用于备案', ...TENCENT_RESOURCES },
  no_public_ip: { reason: '该服务器没有公网 IP，不能用于备案', ...TENCENT_RESOURCES },
  pay_as_you_go: { reason: '计费模式为按量计费，需为包年包月', ...TENCENT_RESOURCES },
  term_under_3_months: { reason: '购买时长（含续费）不足 3 个月', ...TENCENT_RESOURCES },
  under_1_month_left: { reason: '剩余有效期不足 1 个月，请续费后再备案', ...TENCENT_RESOURCES },
  at_quota: { reason: '已达到该服务器可备案的服务数量上限（5 个）', ...PROVIDER_QUOTA },
  clb_unbound: { reason: '负载均衡未绑定云服务器', ...TENCENT_RESOURCES },
  bound_instance_ineligible: { reason: '绑定的云服务器不满足备案条件', ...TENCENT_RESOURCES },
} as const;
export type ResourceRule = keyof typeof RESOURCE_RULES;

/**
 * The quota in numbers: `counted` services already filed or in flight on the instance (the provider's figure, this
 * account's other orders under review and its approved services), `wanted` the ones this order adds.
 */
export function quotaReason(counted: number, wanted: number): string {
  const limit = RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value;
  return `该服务器已有 ${counted} 个网站/APP 已备案或正在备案，本订单再用于 ${wanted} 个将超过每台服务器 ${limit} 个的上限，请改选其他云资源`;
}

/** A cloud resource of an account, as the resource port answers it. */
export interface CloudResource {
  instanceId: string;
  type: ResourceType;
  region: string;
  publicIp: string | null;
  billingMode: BillingMode;
  /** Months bought, renewals included. */
  termMonths: number;
  expiresAt: string;
  /** CLB: the CVM it forwards to. */
  boundInstanceId: string | null;
  /** Services already filed on it (the provider counts them). */
  filedServices: number;
  refunded: boolean;
}

/** Ineligible when an instance has at least this many months or fewer left (the day counts in China time). */
function underMonthsLeft(expiresAt: string, now: Date, months: number): boolean {
  return chinaDate(new Date(expiresAt)) < addMonths(chinaDate(now), months);
}

function serverFindings(resource: CloudResource, now: Date): ResourceRule[] {
  const found: ResourceRule[] = [];
  const region = RESOURCE_REGIONS[resource.region as ResourceRegion] as { mainland: boolean } | undefined;
  if (!region?.mainland) found.push('not_mainland');
  if (resource.type === 'cvm' && !resource.publicIp) found.push('no_public_ip');
  if (resource.billingMode !== 'prepaid') found.push('pay_as_you_go');
  if (resource.termMonths < RESOURCE_LIMITS.MIN_TERM_MONTHS.value) found.push('term_under_3_months');
  if (underMonthsLeft(resource.expiresAt, now, RESOURCE_LIMITS.MIN_REMAINING_MONTHS.value)) found.push('under_1_month_left');
  return found;
}

/**
 * Why `resource` cannot host `extraServices` more services now (empty: it can). A load balancer stands on the CVM
 * it is bound to (`bound`); a serverless package only needs to be paid for and not refunded.
 */
export function resourceIneligibility(resource: CloudResource, now: Date, extraServices: number, bound: CloudResource | null = null): ResourceRule[] {
  if (resource.refunded) return ['refunded'];
  const found: ResourceRule[] = [];
  if (resource.type === 'cvm' || resource.type === 'lighthouse') found.push(...serverFindings(resource, now));
  if (resource.type === 'serverless' && underMonthsLeft(resource.expiresAt, now, 0)) found.push('under_1_month_left');
  if (resource.type === 'clb') {
    if (!bound) found.push('clb_unbound');
    else if (resourceIneligibility(bound, now, 0).length) found.push('bound_instance_ineligible');
  }
  if (resource.filedServices + extraServices > RESOURCE_LIMITS.SERVICES_PER_INSTANCE.value) found.push('at_quota');
  return found;
}
