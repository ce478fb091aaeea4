import type { MaterialKind } from '../schemas/draft.schema';
import type { SubjectType } from '../schemas/filing-context';

/** The value each province rule key carries. */
export interface ProvinceRuleValues {
  /** Personal filing in a province other than the one on the ID: refused, or allowed with a local residence permit. */
  crossProvincePersonal: 'refused' | 'residence_permit';
  /** The subject's region must be in the same city as its certificate's division. */
  crossCityAddress: 'refused';
  /** Subject principal of a unit: must be the legal representative, or may be another person with an 授权书. */
  subjectPrincipal: 'legal_representative' | 'authorization_letter';
  /** Minimum age of a personal filer, in years. */
  minimumAge: number;
  /** Domains over all websites of one order. */
  maxDomainsPerOrder: number;
  /** Websites in one order. */
  maxWebsitesPerOrder: number;
  /** Domains of one website. */
  maxDomainsPerWebsite: number;
  /** Services in one access filing (接入备案) order. */
  maxAccessServicesPerOrder: number;
  /** Extra materials the bureau asks for, with what the applicant must know about each. */
  requiredDocuments: readonly { kind: MaterialKind; note: string }[];
  /** Every principal gives an emergency phone, and the subject principal's differs from each service principal's. */
  emergencyPhones: 'distinct';
  /**
   * Minimum length of a service remark that the bureau enforces (below it is an error). No row yet: the guide
   * (seeds/003 L308, L453) makes the remark optional and names no province that requires a length, so a short
   * remark is a warning everywhere until a bureau's rule is sourced.
   */
  remarkMinLength: number;
}

export type ProvinceRuleKey = keyof ProvinceRuleValues;

/** National defaults use this province code; a province's own row wins over them. */
export const NATIONWIDE = '00';

export type ProvinceRule = {
  [K in ProvinceRuleKey]: {
    /** GB/T 2260 two-digit province code, or NATIONWIDE. */
    province: string;
    subjectType: SubjectType | 'any';
    key: K;
    value: ProvinceRuleValues[K];
    /** ISO date the rule applies from; the latest row effective at the submission date wins. */
    effectiveFrom: string;
    source: string;
  };
}[ProvinceRuleKey];

const BUREAU_RULES = '腾讯云《ICP 备案操作指引（小程序端）》各省管局要求，2025-06-27 (seeds/003; DOMAIN.md §6)';
const SINCE = '2025-06-27';

const rule = <K extends ProvinceRuleKey>(
  province: string,
  subjectType: SubjectType | 'any',
  key: K,
  value: ProvinceRuleValues[K],
  source = BUREAU_RULES,
  effectiveFrom = SINCE,
): ProvinceRule => ({ province, subjectType, key, value, effectiveFrom, source }) as ProvinceRule;

export const PROVINCE_RULES: readonly ProvinceRule[] = [
  // Most bureaus want the legal representative as the unit's subject principal.
  rule(NATIONWIDE, 'unit', 'subjectPrincipal', 'legal_representative'),

  rule('31', 'personal', 'crossProvincePersonal', 'residence_permit'), // 上海
  rule('33', 'personal', 'crossProvincePersonal', 'residence_permit'), // 浙江
  rule('37', 'personal', 'crossProvincePersonal', 'residence_permit'), // 山东
  rule('15', 'personal', 'crossProvincePersonal', 'refused'), // 内蒙古
  rule('14', 'personal', 'crossProvincePersonal', 'refused'), // 山西
  rule('65', 'personal', 'crossProvincePersonal', 'refused'), // 新疆
  rule('63', 'personal', 'crossProvincePersonal', 'refused'), // 青海
  rule('45', 'personal', 'crossProvincePersonal', 'refused'), // 广西
  rule('64', 'personal', 'crossProvincePersonal', 'refused'), // 宁夏

  rule('13', 'any', 'crossCityAddress', 'refused'), // 河北
  rule('41', 'any', 'crossCityAddress', 'refused'), // 河南
  rule('52', 'any', 'crossCityAddress', 'refused'), // 贵州

  rule('34', 'unit', 'subjectPrincipal', 'authorization_letter'), // 安徽
  rule('46', 'unit', 'subjectPrincipal', 'authorization_letter'), // 海南

  rule('13', 'personal', 'minimumAge', 18), // 河北
  rule('15', 'personal', 'minimumAge', 18), // 内蒙古
  rule('43', 'personal', 'minimumAge', 18), // 湖南

  rule('14', 'any', 'maxDomainsPerOrder', 3), // 山西
  rule('41', 'any', 'maxDomainsPerOrder', 5), // 河南
  rule('43', 'any', 'maxWebsitesPerOrder', 1), // 湖南
  rule('65', 'any', 'maxDomainsPerWebsite', 1), // 新疆

  rule('44', 'any', 'requiredDocuments', [{ kind: 'commitment_letter', note: '请下载广东省承诺书模板，由负责人手写填写并签字后拍照上传' }]), // 广东

  rule('41', 'any', 'emergencyPhones', 'distinct'), // 河南
  rule('50', 'any', 'emergencyPhones', 'distinct'), // 重庆
  rule('12', 'any', 'emergencyPhones', 'distinct'), // 天津
  rule('62', 'any', 'emergencyPhones', 'distinct'), // 甘肃
];

/** The two-digit province code of any GB/T 2260 code. */
function provinceCodeOf(code: string): string {
  return code.slice(0, 2);
}

/**
 * The value of a rule for a province and subject type at a date: the latest version effective at `at`
 * (ISO date), the province's own rows before the nationwide ones; undefined when no row applies.
 */
export function provinceRuleValue<K extends ProvinceRuleKey>(
  rules: readonly ProvinceRule[],
  province: string,
  subjectType: SubjectType,
  key: K,
  at: string,
): { value: ProvinceRuleValues[K]; source: string } | undefined {
  const applicable = (target: string) =>
    rules
      .filter((row) => row.province === target && row.key === key && (row.subjectType === 'any' || row.subjectType === subjectType) && row.effectiveFrom <= at)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
  const row = applicable(provinceCodeOf(province)) ?? applicable(NATIONWIDE);
  return row ? { value: row.value as ProvinceRuleValues[K], source: row.source } : undefined;
}
