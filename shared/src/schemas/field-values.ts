import { APP_PLATFORMS, LANGUAGES, PERSON_CERTIFICATE_TYPES, PRE_APPROVAL_TYPES, SERVICE_CONTENTS, SUBJECT_NATURES, UNIT_CERTIFICATE_TYPES } from '../catalog';
import type { MaterialKind } from './draft.schema';
import { fieldLabel } from './field-labels';

/** The Chinese name of each material kind, for every screen that lists materials. */
export const MATERIAL_KIND_LABELS: Readonly<Record<MaterialKind, string>> = {
  subject_certificate: '主体证件',
  certificate_front: '证件人像面',
  certificate_back: '证件国徽面',
  domain_real_name: '域名实名认证截图',
  commitment_letter: '承诺书',
  authorization_letter: '授权书',
  residence_permit: '居住证',
  pre_approval: '前置审批文件',
  site_plan: '网站建设方案书',
  app_icon: 'APP图标',
  other: '其他材料',
};

type Options = readonly { key: string; label: string }[];
const CERTIFICATE_TYPES: Options = [...PERSON_CERTIFICATE_TYPES, ...UNIT_CERTIFICATE_TYPES];
const MATERIAL_KINDS: Options = Object.entries(MATERIAL_KIND_LABELS).map(([key, label]) => ({ key, label }));

/** Catalog keys by the field (`<parent>.<key>` first, then the key alone) that holds them. */
const OPTIONS: Readonly<Record<string, Options>> = {
  nature: SUBJECT_NATURES,
  certificateType: CERTIFICATE_TYPES,
  legalRepCertificateType: CERTIFICATE_TYPES,
  serviceContent: SERVICE_CONTENTS,
  languages: LANGUAGES,
  platform: APP_PLATFORMS,
  kind: MATERIAL_KINDS,
  'resource.type': [
    { key: 'instance', label: '云服务器实例' },
    { key: 'authorization_code', label: '备案授权码' },
    { key: 'service_code', label: 'ICP备案服务码' },
  ],
  'preApprovals.type': PRE_APPROVAL_TYPES,
};

/**
 * A draft value as a person reads it: catalog keys by their label, yes/no, lists joined, region codes by name
 * (`regionName`, since the region table is a separate entry), a material's target by its field label.
 */
export function fieldValueText(path: string, value: unknown, regionName: (code: string) => string = (code) => code): string {
  if (value === undefined || value === null || value === '') return '—';
  const keys = path.split('.').filter((part) => !/^\d+$/.test(part));
  const key = keys.at(-1) ?? '';
  if (Array.isArray(value)) return value.map((item) => fieldValueText(path, item, regionName)).join('、');
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value !== 'string') return typeof value === 'number' ? String(value) : '—';
  if (key === 'regionCode') return regionName(value);
  if (key === 'target') return value === 'order' ? '整个订单' : fieldLabel(value);
  const options = OPTIONS[keys.slice(-2).join('.')] ?? OPTIONS[key];
  return options?.find((option) => option.key === value)?.label ?? value;
}
