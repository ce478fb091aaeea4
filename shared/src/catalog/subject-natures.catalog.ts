import type { ValidationCode } from '../validate/codes';
import { withSource } from './catalog-source';

export const SUBJECT_NATURE_KEYS = [
  'defense',
  'government',
  'institution',
  'enterprise',
  'personal',
  'social_organization',
  'private_non_enterprise',
  'foundation',
  'law_firm',
  'foreign_cultural_center',
  'mass_organization',
  'judicial_appraisal',
  'religious_organization',
  'overseas_institution',
  'medical_institution',
  'notary_office',
  'collective_economy',
  'arbitration_institution',
] as const;

export type SubjectNatureKey = (typeof SUBJECT_NATURE_KEYS)[number];

export interface SubjectNature {
  key: SubjectNatureKey;
  label: string;
  /** Domain endings this kind of subject must use, when restricted (DOMAIN.md §6). */
  domainSuffixes?: readonly string[];
  /** Validation code returned when the domain does not use one of `domainSuffixes`. */
  domainSuffixCode?: ValidationCode;
  /** State and party bodies may use 中国/中华/中央/人民/人大/国家 at the start of a website name. */
  national?: boolean;
}

/** 主办者性质 as offered by the MIIT filing system. */
export const SUBJECT_NATURES = withSource<SubjectNature>({ source: '腾讯云 ICP备案操作指引（小程序端）主办者性质 + DOMAIN.md §7', date: '2025-06-27' }, [
  { key: 'defense', label: '国防机构', national: true },
  { key: 'government', label: '政府机关', domainSuffixes: ['gov.cn', '政务'], domainSuffixCode: 'DOMAIN_GOVERNMENT_SUFFIX', national: true },
  { key: 'institution', label: '事业单位', domainSuffixes: ['cn', '公益'], domainSuffixCode: 'DOMAIN_INSTITUTION_SUFFIX' },
  { key: 'enterprise', label: '企业' },
  { key: 'personal', label: '个人' },
  { key: 'social_organization', label: '社会团体' },
  { key: 'private_non_enterprise', label: '民办非企业单位' },
  { key: 'foundation', label: '基金会' },
  { key: 'law_firm', label: '律师执业机构' },
  { key: 'foreign_cultural_center', label: '外国在华文化中心' },
  { key: 'mass_organization', label: '群众性团体组织' },
  { key: 'judicial_appraisal', label: '司法鉴定机构' },
  { key: 'religious_organization', label: '宗教团体' },
  { key: 'overseas_institution', label: '境外机构' },
  { key: 'medical_institution', label: '医疗机构' },
  { key: 'notary_office', label: '公证机构' },
  { key: 'collective_economy', label: '集体经济' },
  { key: 'arbitration_institution', label: '仲裁机构' },
]);

export function subjectNatureByKey(key: string): SubjectNature | undefined {
  return SUBJECT_NATURES.find((nature) => nature.key === key);
}
