import { z } from 'zod/mini';
import { validateDomain } from '../validate/domain.validator';
import { validateIcpNumber } from '../validate/filing-number.validator';
import { normalizeText } from '../validate/normalize';
import type { FilingServiceType } from './filings';

/**
 * 备案查询 (S003 4189–4199): what MIIT's public query shows for a domain, an ICP number or a unit name. A number
 * query ("建议使用备案号…进行查询") answers the subject with all its services; a domain query the subject with that
 * service; a unit name the subjects of that exact name. A subject without services is a 空壳主体. MIIT never shows
 * the access provider, certificate numbers or phones, and neither does this answer.
 */
export const REGISTRY_QUERY_KINDS = ['icp_number', 'domain', 'unit_name'] as const;
export type RegistryQueryKind = (typeof REGISTRY_QUERY_KINDS)[number];

export interface RegistryQuery {
  by: RegistryQueryKind;
  /** The subject number for a number query (a service number `…号-n` is asked by its subject), the ASCII domain, or the name. */
  value: string;
}

export const registryLookupRequestSchema = z.object({ query: z.string().check(z.trim(), z.minLength(1), z.maxLength(128)) });
export type RegistryLookupRequest = z.infer<typeof registryLookupRequestSchema>;

/** What the query text is: an ICP number, else a domain, else a unit name. */
export function registryQueryOf(input: string): RegistryQuery {
  const number = validateIcpNumber(input);
  if (number.ok) return { by: 'icp_number', value: number.value.subjectNumber };
  const domain = validateDomain(input);
  if (domain.ok) return { by: 'domain', value: domain.value };
  return { by: 'unit_name', value: normalizeText(input) };
}

export interface PublicFilingService {
  serviceType: FilingServiceType;
  /** 网站/APP 备案号 `…号-n`. */
  serviceIcpNumber: string;
  name: string;
  /** The website's domains; empty for an APP. */
  domains: string[];
  /** 审核通过日期 (ISO date, China time). */
  approvedOn: string;
}

export interface PublicFilingSubject {
  /** 主办单位名称 (a person's name for a personal filing). */
  unitName: string;
  /** 主办单位性质: the catalog key and its label. */
  nature: string;
  natureLabel: string;
  subjectIcpNumber: string;
  approvedOn: string;
  services: PublicFilingService[];
}

/** The answer of the regulator port's `lookup`, and of the 备案查询 endpoint built on it. */
export interface RegistryLookupResponse {
  query: RegistryQuery;
  subjects: PublicFilingSubject[];
}
