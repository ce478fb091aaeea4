import type { FieldCode } from './schema-codes';

const SEED_003 = '腾讯云《ICP 备案操作指引（小程序端）》2025-06-27（seeds/003）';

/** Where each kind of field rule comes from: the first matching prefix of the code wins. */
const SOURCES_BY_PREFIX: readonly (readonly [string, string])[] = [
  ['ID_', 'GB 11643-1999 公民身份号码（DOMAIN.md §8）'],
  ['RESIDENCE_PERMIT_', 'GB 11643-1999 港澳台居民居住证号码（DOMAIN.md §8）'],
  ['HK_MACAU_PERMIT_', 'DOMAIN.md §8 港澳居民来往内地通行证号码格式'],
  ['TAIWAN_PERMIT_', 'DOMAIN.md §8 台湾居民来往大陆通行证号码格式'],
  ['USCC_', 'GB 32100-2015 统一社会信用代码（DOMAIN.md §8）'],
  ['MOBILE_', `DOMAIN.md §8 中国大陆手机号；${SEED_003} L366 不支持其他地区手机号`],
  ['LANDLINE_', 'DOMAIN.md §8 固定电话（区号+号码）'],
  ['DOMAIN_', `DOMAIN.md §6 域名（工信部批准的域名后缀）；${SEED_003} L2637 ICP 备案域名为通过国家批复的域名`],
  ['WEBSITE_NAME_', 'DOMAIN.md §6 网站名称（腾讯云 网站命名建议）'],
  ['REMARK_', `DOMAIN.md §6 备注；${SEED_003} L308 可添加相关服务备注信息`],
  ['ICP_NUMBER_', 'DOMAIN.md §4 备案号格式'],
  ['SUBJECT_ICP_NUMBER_', 'DOMAIN.md §4 备案号格式'],
  ['SERVICE_ICP_NUMBER_', 'DOMAIN.md §4 备案号格式'],
  ['PSB_NUMBER_', 'DOMAIN.md §4 公安备案号格式'],
  ['PACKAGE_NAME_', `${SEED_003} L505 APP 特征信息（包名）`],
  ['FINGERPRINT_', `${SEED_003} L519 安卓填写证书 MD5 值、苹果填写 SHA-1 值（16进制）`],
  ['VALIDITY_', `DOMAIN.md §6 证件有效期须剩余3个月以上；${SEED_003} L225 证件有效期`],
  ['CERTIFICATE_', `${SEED_003} L172 证件类型（备案所需材料）`],
  ['PASSPORT_', `${SEED_003} L172 证件类型（备案所需材料）`],
  ['FOREIGN_PR_', `${SEED_003} L172 证件类型（备案所需材料）`],
  ['REGION_', `${SEED_003} L47 备案地区`],
  ['PRE_APPROVAL_', `${SEED_003} L318 仅单位备案有前置审批类型选择，个人备案无该选项`],
  ['RESOURCE_', `${SEED_003} L300 资源类型（备案云资源）`],
  ['AUTHORIZATION_CODE_', `${SEED_003} L300 资源类型（备案授权码）`],
  ['AGREEMENT_', `${SEED_003} L1270 阅读并勾选同意后提交`],
  ['MATERIAL_', `${SEED_003} L569 上传本次备案所需的其他备案材料`],
];

/** Required fields, choices and shapes: the guide's field tables. */
const FIELD_TABLE_SOURCE = `${SEED_003} 各步骤字段说明`;

/** Where the rule behind a field error comes from, shown with its message. */
export function fieldSource(code: FieldCode | string): string {
  return SOURCES_BY_PREFIX.find(([prefix]) => code.startsWith(prefix))?.[1] ?? FIELD_TABLE_SOURCE;
}
