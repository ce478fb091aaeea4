import { PROVINCES, provinceByCode } from '../catalog/provinces.catalog';
import { PRE_APPROVAL_TYPES } from '../catalog/pre-approvals.catalog';
import { SERVICE_CONTENTS } from '../catalog/service-options.catalog';
import type { DraftApp, DraftWebsite } from '../schemas/draft.schema';
import { REMARK_LENGTH } from '../validate/text.validator';
import { isOrderKind, ORDER_KINDS } from '../workflow';
import type { Finding, FindingSeverity } from './finding';
import { filled, finding, type PrecheckCheck, type PrecheckEnv } from './precheck-context';

/** 腾讯云《ICP 备案操作指引（小程序端）》2025-06-27, cited by line of seeds/003. */
const guide = (line: number, says: string) => `腾讯云 ICP 备案操作指引（小程序端）seeds/003 L${line}：${says}`;

const ADDRESS_SOURCE = guide(185, '通信地址 请输入通信地址，精确到门牌号或房间号');
const ADDRESS_REGION_SOURCE = guide(1423, '备案地区 地域信息选择与实际通信地址一致即可');
const UNIT_PROVINCE_SOURCE = guide(47, '单位备案：省份与单位证件一致即可');
const REGION_REMARK_SOURCE = guide(2742, '请按照证件地址选择一致区域，如没有您可选择的区域，请就近选择地区并在备注中说明情况');
const PERSONAL_SERVICE_PRINCIPAL_SOURCE = guide(3123, '个人备案时，服务负责人默认为主体负责人');
const CONTENT_PRE_APPROVAL_SOURCE = guide(312, '若服务内容中涉及出版、新闻等相关领域，需到相关主管部门办理前置审批文件');
const PERSONAL_NO_PRE_APPROVAL_SOURCE = guide(318, '仅单位备案有前置审批类型选择，个人备案无该选项');
const PERSONAL_CONTENT_SOURCE = 'DOMAIN.md §7 网站服务内容：个人备案通常选择“其他”（部分省份可选“博客/个人空间”），单位通常选择“单位门户网站”';
const SERVICE_CODE_SOURCE =
  '阿里云《申请(免费)ICP备案服务码》seeds/004 L21：成功备案一个互联网信息服务需使用一个备案服务码，此服务码无法再用于其他互联网信息服务';
const REMARK_SOURCE = `DOMAIN.md §6 备注20–200字为宜；${guide(308, '备注 可添加相关服务备注信息（选填）')}`;

/** A door, room or building number (精确到门牌号或房间号), or a room number ending the address (某大厦1201). */
const DOOR_NUMBER = /[0-9０-９一二三四五六七八九十百千零〇]+\s*(?:号|室|栋|幢|座|单元|层|楼|房|组|弄|户|铺|间)|[0-9０-９]{2,}\s*$/;

const shortProvinceName = (name: string) => name.replace(/(?:壮族|回族|维吾尔)?自治区$|特别行政区$|[省市]$/, '');
const PROVINCE_NAMES = PROVINCES.map((province) => ({ code: province.code, name: province.name, short: shortProvinceName(province.name) }));
/** After a bare province name, these start a street or a place named after it (北京路, 海南藏族自治州, 北京东路), not the province. */
const NOT_THE_PROVINCE = /^[路街道巷大州藏东西南北中]/;

/** The province an address starts with, when it clearly names one. */
function provinceAddressStartsWith(address: string): string | undefined {
  return PROVINCE_NAMES.find(
    ({ name, short }) => address.startsWith(name) || (address.startsWith(short) && !NOT_THE_PROVINCE.test(address.slice(short.length))),
  )?.code;
}

const communicationAddressPrecise: PrecheckCheck = (env) => {
  const address = filled(env.draft.subject?.communicationAddress);
  if (!address || DOOR_NUMBER.test(address)) return [];
  return [
    finding(
      'subject.communicationAddress',
      'ADDRESS_NOT_PRECISE',
      'warning',
      '通信地址需精确到门牌号或房间号（如“某路1号101室”），否则初审会要求补充',
      ADDRESS_SOURCE,
    ),
  ];
};

const communicationAddressInRegion: PrecheckCheck = (env) => {
  const address = filled(env.draft.subject?.communicationAddress);
  const region = filled(env.draft.subject?.regionCode);
  if (!address || !region) return [];
  const named = provinceAddressStartsWith(address);
  if (!named || named === region.slice(0, 2)) return [];
  return [
    finding(
      'subject.communicationAddress',
      'ADDRESS_OUTSIDE_REGION',
      'error',
      `通信地址在${shortProvinceName(provinceByCode(named)?.name ?? '')}，与所选备案地区不一致，请选择通信地址所在的地区或填写备案地区内的通信地址`,
      ADDRESS_REGION_SOURCE,
    ),
  ];
};

/** Division of a unit's credit code (positions 3–8), when it names a known province. */
function creditCodeDivision(env: PrecheckEnv): string | undefined {
  const number = filled(env.draft.subject?.certificateNumber)?.toUpperCase();
  if (env.ctx.subjectType !== 'unit' || !number || !/^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}$/.test(number)) return undefined;
  const division = number.slice(2, 8);
  return provinceByCode(division) ? division : undefined;
}

const unitProvinceMatchesCertificate: PrecheckCheck = (env) => {
  const division = creditCodeDivision(env);
  if (!division || !env.province || division.startsWith(env.province)) return [];
  const licensed = provinceByCode(division)?.name ?? '证件所在省份';
  return [
    finding(
      'subject.regionCode',
      'UNIT_PROVINCE_NOT_CERTIFICATE',
      'warning',
      `单位证件登记在${licensed}，备案地区应与单位证件一致；如单位已迁址，请上传新地址的证明材料并在备注中说明`,
      UNIT_PROVINCE_SOURCE,
    ),
  ];
};

/** Same province, another city than the certificate's: the guide asks for a word in the subject's remark. */
const regionDifferenceExplained: PrecheckCheck = (env) => {
  const region = filled(env.draft.subject?.regionCode);
  const number = filled(env.draft.subject?.certificateNumber)?.toUpperCase();
  if (!region || !number || filled(env.draft.subject?.remark) || env.rule('crossCityAddress')) return [];
  const division = env.ctx.subjectType === 'unit' ? creditCodeDivision(env) : /^\d{17}[\dX]$/.test(number) ? number.slice(0, 6) : undefined;
  if (!division || !provinceByCode(division) || division.slice(0, 2) !== region.slice(0, 2) || division.slice(0, 4) === region.slice(0, 4)) return [];
  return [
    finding(
      'subject.remark',
      'REGION_DIFFERENCE_UNEXPLAINED',
      'warning',
      '备案地区与证件所在城市不同，请在主体备注中说明原因（如“证件地址所在区域已撤并，就近选择”或“实际经营地址在此”）',
      REGION_REMARK_SOURCE,
    ),
  ];
};

/** A warning on filings only: a 变更 keeps the recorded principals, and the guide routes their change through 变更备案. */
const personalServicePrincipalIsFiler: PrecheckCheck = (env) => {
  if (env.ctx.subjectType !== 'personal' || !isOrderKind(env.ctx.kind) || ORDER_KINDS[env.ctx.kind].group !== 'filing') return [];
  const filer = env.principals.find((ref) => ref.path === 'subjectPrincipal')?.identity;
  if (!filer) return [];
  return env.principals
    .filter((ref) => ref.path !== 'subjectPrincipal' && ref.identity !== undefined && ref.identity !== filer)
    .map((ref) =>
      finding(
        `${ref.path}.${filled(ref.principal.certificateNumber) ? 'certificateNumber' : 'name'}`,
        'PERSONAL_SERVICE_PRINCIPAL_NOT_FILER',
        'warning',
        '个人备案的网站/APP负责人默认为主办者本人，填写他人时初审通常会要求修改，请确认',
        PERSONAL_SERVICE_PRINCIPAL_SOURCE,
      ),
    );
};

/** Service contents that cannot be offered without a 前置审批 (and so never by a personal filer). */
const CONTENT_NEEDS_APPROVAL: Readonly<Record<string, { approval: string; severity: FindingSeverity }>> = {
  news: { approval: 'news', severity: 'error' },
  payment: { approval: 'internet_finance', severity: 'error' },
  banking: { approval: 'internet_finance', severity: 'error' },
  securities: { approval: 'internet_finance', severity: 'error' },
  games: { approval: 'games', severity: 'error' },
  video: { approval: 'broadcasting', severity: 'warning' },
};
/** Contents a personal filing may choose without question. */
const PERSONAL_CONTENTS = new Set(['other', 'blog']);

const contentLabel = (key: string) => SERVICE_CONTENTS.find((content) => content.key === key)?.label ?? key;
const approvalLabel = (key: string) => PRE_APPROVAL_TYPES.find((type) => type.key === key)?.label ?? key;

function serviceContentFindings(env: PrecheckEnv, service: DraftWebsite | DraftApp, path: string): Finding[] {
  const personal = env.ctx.subjectType === 'personal';
  const declared = new Set((service.preApprovals ?? []).map((approval) => approval.type));
  return (service.serviceContent ?? []).flatMap((content): Finding[] => {
    const needs = CONTENT_NEEDS_APPROVAL[content];
    const at = `${path}.serviceContent`;
    if (personal && needs) {
      return [
        finding(
          at,
          'PERSONAL_CONTENT_NEEDS_APPROVAL',
          'error',
          `“${contentLabel(content)}”需要${approvalLabel(needs.approval)}类前置审批，个人备案不能开办，请选择与实际内容相符的服务内容（如“其他”）`,
          PERSONAL_NO_PRE_APPROVAL_SOURCE,
        ),
      ];
    }
    if (personal && content === 'unit_portal') {
      return [finding(at, 'PERSONAL_CONTENT_UNIT_PORTAL', 'error', '个人备案不能选择“单位门户网站”，请选择“其他”或“博客/个人空间”', PERSONAL_CONTENT_SOURCE)];
    }
    if (personal && !PERSONAL_CONTENTS.has(content)) {
      return [
        finding(
          at,
          'PERSONAL_CONTENT_UNUSUAL',
          'warning',
          `个人备案通常选择“其他”或“博客/个人空间”，“${contentLabel(content)}”多为单位经营的服务，初审可能要求修改`,
          PERSONAL_CONTENT_SOURCE,
        ),
      ];
    }
    if (!personal && needs && !declared.has(needs.approval)) {
      return [
        finding(
          at,
          'CONTENT_NEEDS_PRE_APPROVAL',
          needs.severity,
          `服务内容“${contentLabel(content)}”需要${approvalLabel(needs.approval)}类前置审批，请在前置审批中选择“${approvalLabel(needs.approval)}”并上传审批文件，或修改服务内容`,
          CONTENT_PRE_APPROVAL_SOURCE,
        ),
      ];
    }
    return [];
  });
}

const serviceContentCoupling: PrecheckCheck = (env) => [
  ...(env.draft.websites ?? []).flatMap((service, i) => serviceContentFindings(env, service, `websites.${i}`)),
  ...(env.draft.apps ?? []).flatMap((service, i) => serviceContentFindings(env, service, `apps.${i}`)),
];

/** One 备案授权码 (服务码) stands for one service: two services of an order cannot share it. */
const authorizationCodePerService: PrecheckCheck = (env) => {
  const firstUse = new Set<string>();
  const services = [
    ...(env.draft.websites ?? []).map((service, i) => ({ service, path: `websites.${i}` })),
    ...(env.draft.apps ?? []).map((service, i) => ({ service, path: `apps.${i}` })),
  ];
  return services.flatMap(({ service, path }) => {
    const code = service.resource?.type === 'authorization_code' ? filled(service.resource.authorizationCode)?.toUpperCase() : undefined;
    if (!code) return [];
    if (!firstUse.has(code)) {
      firstUse.add(code);
      return [];
    }
    return [
      finding(
        `${path}.resource.authorizationCode`,
        'AUTHORIZATION_CODE_REUSED',
        'error',
        '一个备案授权码只能用于一个网站或APP，请为该服务使用另一个授权码或选择云资源',
        SERVICE_CODE_SOURCE,
      ),
    ];
  });
};

/** A remark under the minimum is guidance (a warning) unless the province's bureau requires the length. */
const remarkLength: PrecheckCheck = (env) => {
  const rule = env.rule('remarkMinLength');
  const minimum = rule?.value ?? REMARK_LENGTH.min;
  const services = [
    ...(env.draft.websites ?? []).map((service, i) => ({ remark: service.remark, path: `websites.${i}.remark` })),
    ...(env.draft.apps ?? []).map((service, i) => ({ remark: service.remark, path: `apps.${i}.remark` })),
  ];
  return services.flatMap(({ remark, path }) => {
    const text = filled(remark);
    if (!text || Array.from(text).length >= minimum) return [];
    return rule
      ? [finding(path, 'REMARK_TOO_SHORT', 'error', `当地管局要求备注至少${minimum}个字，请描述网站或APP的真实内容`, rule.source)]
      : [finding(path, 'REMARK_SHORT', 'warning', `备注建议至少${minimum}个字，描述网站或APP的真实内容，便于初审通过`, REMARK_SOURCE)];
  });
};

/** Rules mined from the whole guide (seeds/003), each citing its line. */
export const GUIDE_CHECKS: readonly PrecheckCheck[] = [
  communicationAddressPrecise,
  communicationAddressInRegion,
  unitProvinceMatchesCertificate,
  regionDifferenceExplained,
  personalServicePrincipalIsFiler,
  serviceContentCoupling,
  authorizationCodePerService,
  remarkLength,
];
