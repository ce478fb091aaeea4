import { normalizeDomain, normalizeText } from '../validate/normalize';
import { domainToAscii } from '../validate/punycode';

/**
 * The approved filing (备案信息) as it lives on after approval: a subject (主体) with its services (网站 / APP), their
 * numbers and our access. Written by the approval of a filing order, read by 我的备案, export and the orders that
 * start from it. Personal data (certificate numbers, phones, e-mails) is masked in every answer.
 */

/** `here`: filed with us; `access`: filed elsewhere and 接入 us; `registry`: 新增服务 under a subject filed elsewhere. */
export const FILING_SUBJECT_ORIGINS = ['here', 'access', 'registry'] as const;
export type FilingSubjectOrigin = (typeof FILING_SUBJECT_ORIGINS)[number];

/** `shell`: 空壳主体 (number still valid, no active service or access); `removed_here`: no longer with us (取消接入 of all, 迁移 away). */
export const FILING_SUBJECT_STATES = {
  active: '正常',
  shell: '空壳主体',
  cancelled: '已注销',
  removed_here: '已不在本平台',
} as const;
export type FilingSubjectState = keyof typeof FILING_SUBJECT_STATES;

export const FILING_SERVICE_STATES = {
  active: '正常',
  cancelled: '已注销',
  access_cancelled: '已取消接入',
} as const;
export type FilingServiceState = keyof typeof FILING_SERVICE_STATES;

export type FilingServiceType = 'website' | 'app';

export interface FilingAppPackage {
  platform: string;
  packageName: string;
  publicKey?: string;
  fingerprint?: string;
}

/** A cloud resource the service is bound to (instance or 备案授权码). */
export interface FilingResource {
  type?: 'instance' | 'authorization_code' | 'service_code';
  instanceId?: string;
  authorizationCode?: string;
  serviceCode?: string;
}

/** The principal (负责人) as approved, personal data masked. */
export interface FilingPrincipalView {
  name?: string;
  certificateType?: string;
  certificateNumberMasked?: string;
  mobileMasked?: string;
  emailMasked?: string;
}

/** One line of 我的备案: a subject with its number and state. */
export interface FilingSubjectSummary {
  id: string;
  subjectIcpNumber: string;
  name: string;
  nature: string;
  /** Two-digit province code: locked for the subject's life. */
  provinceCode: string;
  regionCode: string;
  origin: FilingSubjectOrigin;
  state: FilingSubjectState;
  stateLabel: string;
  websiteCount: number;
  appCount: number;
  approvedAt: string;
  changedAt: string;
}

/** Our access of a service: since when, until when (null while it lasts). Other providers may coexist. */
export interface FilingAccessView {
  provider: string;
  since: string;
  endedAt: string | null;
}

/** One service (网站 or APP) of a subject, as the 网站 / APP tabs list it. */
export interface FilingServiceSummary {
  id: string;
  subjectId: string;
  serviceType: FilingServiceType;
  serviceIcpNumber: string;
  /** The n of `…号-n`. */
  seq: number;
  name: string;
  domains: string[];
  homeUrl: string | null;
  packages: FilingAppPackage[];
  state: FilingServiceState;
  stateLabel: string;
  approvedAt: string;
  /** Our current access, null once ended. */
  access: FilingAccessView | null;
}

export interface FilingServiceDetail extends FilingServiceSummary {
  serviceContent: string[];
  languages: string[];
  preApprovals: { type?: string; approvalNumber?: string }[];
  remark: string | null;
  principal: FilingPrincipalView;
  resource: FilingResource | null;
  accessRecords: FilingAccessView[];
  changedAt: string;
}

export interface FilingSubjectDetail extends FilingSubjectSummary {
  certificateType: string;
  certificateNumberMasked: string;
  certificateAddress: string | null;
  communicationAddress: string | null;
  legalRepName: string | null;
  investor: string | null;
  remark: string | null;
  principal: FilingPrincipalView;
  services: FilingServiceSummary[];
}

/**
 * The lookup key of a service name: `website:<domain>` / `app:<name>`, compared case-insensitively without a trailing
 * dot or stray spaces, domains in their ASCII form (`example.com` = `Example.COM.` = `example。com`, `中文.cn` =
 * `xn--fiq228c.cn`). Records and registries find a service by it.
 */
export function serviceKey(serviceType: FilingServiceType, name: string): string {
  const key = serviceType === 'website' ? domainToAscii(normalizeDomain(name)) : normalizeText(name).toLowerCase();
  return `${serviceType}:${key.replace(/\.$/, '')}`;
}
