import { APPROVED_TLDS, type ApprovedTldList } from '../catalog/approved-tlds.catalog';
import { MAX_DOMAIN_LEVELS, PUBLIC_SUFFIXES } from '../catalog/public-suffixes.catalog';
import { subjectNatureByKey } from '../catalog/subject-natures.catalog';
import { normalizeDomain } from './normalize';
import { domainToAscii } from './punycode';
import { invalid, valid, type Validation } from './result';

export interface DomainOptions {
  /** Replacement for the bundled MIIT-approved TLD list. */
  tlds?: ApprovedTldList;
  /** 主办者性质 key; 事业单位 and 政府机关 are restricted to their own domain endings. */
  subjectNature?: string;
}

const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ASCII_SUFFIXES = PUBLIC_SUFFIXES.suffixes.map(domainToAscii);
const asciiTldCache = new WeakMap<ApprovedTldList, ReadonlySet<string>>();

function approvedAsciiTlds(list: ApprovedTldList): ReadonlySet<string> {
  let tlds = asciiTldCache.get(list);
  if (!tlds) {
    tlds = new Set(list.tlds.map(domainToAscii));
    asciiTldCache.set(list, tlds);
  }
  return tlds;
}

function endsWithSuffix(domain: string, suffix: string): boolean {
  return domain === suffix || domain.endsWith(`.${suffix}`);
}

/** Public suffix of an ASCII domain: the longest bundled multi-label suffix, else its TLD. */
export function publicSuffix(asciiDomain: string): string {
  const matches = ASCII_SUFFIXES.filter((suffix) => endsWithSuffix(asciiDomain, suffix));
  return matches.sort((a, b) => b.length - a.length)[0] ?? asciiDomain.slice(asciiDomain.lastIndexOf('.') + 1);
}

/** The domain a registrar sells (example.com.cn for www.example.com.cn), in ASCII; undefined for a bare suffix. */
export function registrableDomain(domain: string): string | undefined {
  const ascii = domainToAscii(normalizeDomain(domain)).replace(/\.$/, '');
  const suffix = publicSuffix(ascii);
  if (ascii === suffix) return undefined;
  const head = ascii.slice(0, ascii.length - suffix.length - 1);
  return `${head.slice(head.lastIndexOf('.') + 1)}.${suffix}`;
}

/** A domain to file: IDN converted to punycode, approved TLD, at most four levels, endings per 主办者性质. */
export function validateDomain(input: string, options: DomainOptions = {}): Validation {
  const trimmed = normalizeDomain(input);
  if (trimmed === '') return invalid('REQUIRED');
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) || /[/?#:]/.test(trimmed)) return invalid('DOMAIN_HAS_PROTOCOL');
  const domain = domainToAscii(trimmed).replace(/\.$/, '');
  if (domain.length > 253) return invalid('DOMAIN_TOO_LONG');
  const labels = domain.split('.');
  if (labels.length < 2) return invalid('DOMAIN_FORMAT');
  for (const label of labels) {
    if (label.length > 63) return invalid('DOMAIN_LABEL_LENGTH');
    if (!LABEL.test(label)) return invalid('DOMAIN_FORMAT');
  }
  const tld = labels[labels.length - 1] ?? '';
  if (/^\d+$/.test(tld)) return invalid('DOMAIN_FORMAT');
  if (!approvedAsciiTlds(options.tlds ?? APPROVED_TLDS).has(tld)) return invalid('DOMAIN_TLD_NOT_APPROVED');
  if (domain === publicSuffix(domain)) return invalid('DOMAIN_NO_REGISTRABLE');
  if (labels.length > MAX_DOMAIN_LEVELS) return invalid('DOMAIN_TOO_MANY_LEVELS');
  const nature = options.subjectNature ? subjectNatureByKey(options.subjectNature) : undefined;
  if (nature?.domainSuffixes && nature.domainSuffixCode) {
    const allowed = nature.domainSuffixes.map(domainToAscii);
    if (!allowed.some((suffix) => endsWithSuffix(domain, suffix))) return invalid(nature.domainSuffixCode);
  }
  return valid(domain);
}
