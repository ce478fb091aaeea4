import { withSource } from './catalog-source';
import type { SubjectNatureKey } from './subject-natures.catalog';

export const PERSON_CERTIFICATE_TYPE_KEYS = [
  'resident_id',
  'passport',
  'hk_macau_permit',
  'taiwan_permit',
  'foreign_permanent_residence',
  'hk_macau_residence_permit',
  'taiwan_residence_permit',
] as const;

export type PersonCertificateTypeKey = (typeof PERSON_CERTIFICATE_TYPE_KEYS)[number];

export interface PersonCertificateType {
  key: PersonCertificateTypeKey;
  label: string;
  /** The document has a validity period to enter (start + end or 长期). */
  hasValidity: boolean;
}

/** Certificates of people: personal subjects, subject principals and service principals. */
export const PERSON_CERTIFICATE_TYPES = withSource<PersonCertificateType>(
  { source: '腾讯云 ICP备案 备案所需材料 个人证件类型（seed 003）+ DOMAIN.md §7', date: '2025-06-27' },
  [
    { key: 'resident_id', label: '居民身份证', hasValidity: true },
    { key: 'passport', label: '护照', hasValidity: true },
    { key: 'hk_macau_permit', label: '港澳居民来往内地通行证', hasValidity: true },
    { key: 'taiwan_permit', label: '台湾居民来往大陆通行证', hasValidity: true },
    { key: 'foreign_permanent_residence', label: '外国人永久居留身份证', hasValidity: true },
    { key: 'hk_macau_residence_permit', label: '港澳居民居住证', hasValidity: true },
    { key: 'taiwan_residence_permit', label: '台湾居民居住证', hasValidity: true },
  ],
);

export interface UnitCertificateType {
  key: string;
  label: string;
  /** 主办者性质 keys that file with this certificate. */
  natures: readonly SubjectNatureKey[];
  /** `uscc`: the number is the 统一社会信用代码 printed on the certificate; `free`: any number as printed. */
  numberFormat: 'uscc' | 'free';
}

/** Certificates of units per 主办者性质; since 2015 almost all carry the 统一社会信用代码 as their number. */
export const UNIT_CERTIFICATE_TYPES = withSource<UnitCertificateType>(
  { source: '腾讯云 ICP备案 备案所需材料 单位证件类型（seed 003）+ DOMAIN.md §7 + GB 32100-2015 登记管理部门代码', date: '2025-06-27' },
  [
    { key: 'military_code', label: '军队代号', natures: ['defense'], numberFormat: 'free' },
    { key: 'military_paid_service_license', label: '军队单位对外有偿服务许可证', natures: ['defense'], numberFormat: 'free' },
    { key: 'uscc_certificate', label: '统一社会信用代码证书', natures: ['government', 'institution', 'mass_organization'], numberFormat: 'uscc' },
    { key: 'public_institution_certificate', label: '事业单位法人证书', natures: ['institution'], numberFormat: 'uscc' },
    { key: 'business_license', label: '营业执照（个人或企业）', natures: ['enterprise'], numberFormat: 'uscc' },
    { key: 'social_organization_certificate', label: '社会团体法人登记证书', natures: ['social_organization', 'religious_organization'], numberFormat: 'uscc' },
    { key: 'private_non_enterprise_certificate', label: '民办非企业单位登记证书', natures: ['private_non_enterprise'], numberFormat: 'uscc' },
    { key: 'foundation_certificate', label: '基金会法人登记证书', natures: ['foundation'], numberFormat: 'uscc' },
    { key: 'law_firm_license', label: '律师事务所执业许可证', natures: ['law_firm'], numberFormat: 'uscc' },
    { key: 'foreign_cultural_center_certificate', label: '外国在华文化中心登记证', natures: ['foreign_cultural_center'], numberFormat: 'free' },
    { key: 'grassroots_autonomy_certificate', label: '基层群众性自治组织特别法人统一社会信用代码证书', natures: ['mass_organization'], numberFormat: 'uscc' },
    { key: 'judicial_appraisal_license', label: '司法鉴定许可证', natures: ['judicial_appraisal'], numberFormat: 'uscc' },
    { key: 'religious_venue_certificate', label: '宗教活动场所登记证', natures: ['religious_organization'], numberFormat: 'uscc' },
    { key: 'foreign_rep_office_certificate', label: '外国企业常驻代表机构登记证', natures: ['overseas_institution'], numberFormat: 'uscc' },
    { key: 'overseas_ngo_rep_office_certificate', label: '境外非政府组织代表机构登记证书', natures: ['overseas_institution'], numberFormat: 'uscc' },
    { key: 'medical_institution_license', label: '医疗机构执业许可证', natures: ['medical_institution'], numberFormat: 'uscc' },
    { key: 'notary_office_license', label: '公证机构执业证', natures: ['notary_office'], numberFormat: 'uscc' },
    { key: 'rural_collective_economy_certificate', label: '农村集体经济组织登记证', natures: ['collective_economy'], numberFormat: 'uscc' },
    { key: 'arbitration_commission_certificate', label: '仲裁委员会登记证', natures: ['arbitration_institution'], numberFormat: 'uscc' },
  ],
);

/** Certificate types a subject of this nature may file with (person types for 个人). */
export function certificateTypesForNature(nature: SubjectNatureKey): readonly { key: string; label: string }[] {
  if (nature === 'personal') return PERSON_CERTIFICATE_TYPES;
  return UNIT_CERTIFICATE_TYPES.filter((type) => type.natures.includes(nature));
}
