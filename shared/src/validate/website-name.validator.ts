import { preApprovalKeywordHits } from '../catalog/pre-approvals.catalog';
import { subjectNatureByKey } from '../catalog/subject-natures.catalog';
import { WEBSITE_NAME_WORDS } from '../catalog/website-name-words.catalog';
import type { ValidationCode } from './codes';
import { domainToAscii } from './punycode';
import { invalid, valid, type Validation } from './result';

export interface WebsiteNameOptions {
  subjectType: 'personal' | 'unit';
  /** The site's domain: the name may not be the domain itself. */
  domain?: string;
  /** The subject's name; a unit site's name should relate to it. */
  subjectName?: string;
  /** 主办者性质 key; national bodies may start names with 中国/中华/…. */
  subjectNature?: string;
}

export interface WebsiteNameFinding {
  code: ValidationCode;
  severity: 'error' | 'warning';
  /** The word that triggered the finding (sensitive word, organisation word, 前置审批 keyword). */
  word?: string;
  /** 前置审批 type key for WEBSITE_NAME_PRE_APPROVAL. */
  preApproval?: string;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/g;
const ALLOWED_CHARS = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaffA-Za-z0-9]+$/;
const LOOKS_LIKE_DOMAIN = /^[^\s.]+(?:\.[^\s.]+)+$/;
const MIN_HAN_CHARS = 3;

function normalizeName(name: string): string {
  return name.normalize('NFKC').trim();
}

function isDomain(name: string, domain: string | undefined): boolean {
  if (LOOKS_LIKE_DOMAIN.test(name)) return true;
  return domain !== undefined && domainToAscii(name) === domainToAscii(domain.trim());
}

function hanBigrams(text: string): Set<string> {
  const han = (text.match(HAN) ?? []).join('');
  const bigrams = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) bigrams.add(han.slice(i, i + 2));
  return bigrams;
}

function errorFindings(name: string, options: WebsiteNameOptions): WebsiteNameFinding[] {
  const findings: WebsiteNameFinding[] = [];
  const error = (code: ValidationCode, word?: string) => findings.push({ code, severity: 'error', ...(word ? { word } : {}) });
  if (isDomain(name, options.domain)) error('WEBSITE_NAME_IS_DOMAIN');
  else if (!ALLOWED_CHARS.test(name)) error('WEBSITE_NAME_SPECIAL_SYMBOLS');
  if (/^[A-Za-z0-9.]+$/.test(name)) error('WEBSITE_NAME_DIGITS_OR_LATIN');
  else if ((name.match(HAN) ?? []).length < MIN_HAN_CHARS) error('WEBSITE_NAME_TOO_SHORT');
  const national = options.subjectNature ? subjectNatureByKey(options.subjectNature)?.national === true : false;
  const prefix = WEBSITE_NAME_WORDS.forbiddenPrefixes.find((word) => name.startsWith(word));
  if (prefix && !national) error('WEBSITE_NAME_FORBIDDEN_PREFIX', prefix);
  const sensitive = WEBSITE_NAME_WORDS.sensitiveWords.find((word) => name.includes(word));
  if (sensitive) error('WEBSITE_NAME_SENSITIVE', sensitive);
  const organisation = WEBSITE_NAME_WORDS.personalForbiddenWords.find((word) => name.includes(word));
  if (organisation && options.subjectType === 'personal') error('WEBSITE_NAME_PERSONAL_ORGANIZATION', organisation);
  return findings;
}

/** Every naming problem (errors) plus advice (warnings: 前置审批 keywords, unit name unrelated to the subject). */
export function websiteNameFindings(input: string, options: WebsiteNameOptions): WebsiteNameFinding[] {
  const name = normalizeName(input);
  if (name === '') return [{ code: 'REQUIRED', severity: 'error' }];
  const findings = errorFindings(name, options);
  for (const hit of preApprovalKeywordHits(name)) {
    findings.push({ code: 'WEBSITE_NAME_PRE_APPROVAL', severity: 'warning', word: hit.keyword, preApproval: hit.preApproval });
  }
  if (options.subjectType === 'unit' && options.subjectName) {
    const subjectBigrams = hanBigrams(options.subjectName);
    const related = [...hanBigrams(name)].some((bigram) => subjectBigrams.has(bigram));
    if (!related) findings.push({ code: 'WEBSITE_NAME_SUBJECT_UNRELATED', severity: 'warning' });
  }
  return findings;
}

/** Website name per DOMAIN.md §6; the first failing rule's code. Warnings come from `websiteNameFindings`. */
export function validateWebsiteName(input: string, options: WebsiteNameOptions): Validation {
  const name = normalizeName(input);
  if (name === '') return invalid('REQUIRED');
  const [first] = errorFindings(name, options);
  return first ? invalid(first.code) : valid(name);
}
