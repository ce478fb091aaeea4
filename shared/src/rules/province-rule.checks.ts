import { provinceByCode } from '../catalog/provinces.catalog';
import { addMonths } from '../time';
import { filled, finding, type PrecheckCheck, type PrecheckEnv } from './precheck-context';
import type { ProvinceRuleKey } from './province-rules.table';

const GB11643_NUMBER = /^\d{17}[\dX]$/;
const USCC_NUMBER = /^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}$/;

/** Division code (6 digits) a subject's certificate number carries: ID numbers at 1–6, credit codes at 3–8. */
function certificateDivision(env: PrecheckEnv): string | undefined {
  const number = filled(env.draft.subject?.certificateNumber)?.toUpperCase();
  if (!number) return undefined;
  if (env.ctx.subjectType === 'personal') {
    // 港澳台居民居住证 (81/82/83) carry no mainland division.
    return GB11643_NUMBER.test(number) && provinceByCode(number) ? number.slice(0, 6) : undefined;
  }
  return USCC_NUMBER.test(number) ? number.slice(2, 8) : undefined;
}

function provinceName(code: string): string {
  return provinceByCode(code)?.name ?? '备案省份';
}

const crossProvincePersonal: PrecheckCheck = (env) => {
  if (env.ctx.subjectType !== 'personal' || !env.province) return [];
  const division = certificateDivision(env);
  if (!division || division.startsWith(env.province)) return [];
  const rule = env.rule('crossProvincePersonal');
  const where = provinceName(env.province);
  if (!rule) {
    return [
      finding(
        'subject.regionCode',
        'CROSS_PROVINCE_UNCONFIRMED',
        'warning',
        `${where}未公布是否接受外省证件的个人备案，建议选择身份证所在省份备案，或确认当地管局要求后再提交`,
        '腾讯云 ICP 备案操作指引（小程序端）seeds/003 L49：若进行备案的省管局允许，您可以选择与证件上不同的省份进行备案',
      ),
    ];
  }
  if (rule.value === 'refused') {
    return [
      finding('subject.regionCode', 'CROSS_PROVINCE_REFUSED', 'error', `${where}管局不受理外省身份证的个人备案，请选择身份证所在省份作为备案地区`, rule.source),
    ];
  }
  const hasPermit = (env.draft.materials ?? []).some((material) => material.kind === 'residence_permit');
  return hasPermit ? [] : [finding('materials', 'RESIDENCE_PERMIT_REQUIRED', 'error', `使用外省身份证在${where}个人备案，请上传${where}的居住证`, rule.source)];
};

const crossCityAddress: PrecheckCheck = (env) => {
  const rule = env.rule('crossCityAddress');
  const region = filled(env.draft.subject?.regionCode);
  const division = certificateDivision(env);
  if (!rule || !region || !division || region.slice(0, 4) === division.slice(0, 4)) return [];
  return [
    finding(
      'subject.regionCode',
      'CROSS_CITY_ADDRESS_REFUSED',
      'error',
      `${provinceName(region)}管局要求备案地区与证件所在城市一致，请选择证件所在城市并填写当地的通信地址`,
      rule.source,
    ),
  ];
};

const subjectPrincipalRule: PrecheckCheck = (env) => {
  const { subject, subjectPrincipal } = env.draft;
  if (env.ctx.subjectType !== 'unit' || !subject || !subjectPrincipal) return [];
  const legalRepName = filled(subject.legalRepName);
  const principalName = filled(subjectPrincipal.name);
  if (!legalRepName || !principalName) return [];
  const legalRepNumber = filled(subject.legalRepCertificateNumber)?.toUpperCase();
  const principalNumber = filled(subjectPrincipal.certificateNumber)?.toUpperCase();
  const isLegalRep = legalRepName === principalName && (!legalRepNumber || !principalNumber || legalRepNumber === principalNumber);
  const rule = env.rule('subjectPrincipal');
  if (isLegalRep || !rule) return [];
  if (rule.value === 'legal_representative') {
    return [
      finding('subjectPrincipal.name', 'SUBJECT_PRINCIPAL_NOT_LEGAL_REP', 'error', '当地管局要求主体负责人为法定代表人，请填写法定代表人的信息', rule.source),
    ];
  }
  const hasLetter = (env.draft.materials ?? []).some((material) => material.kind === 'authorization_letter');
  return hasLetter
    ? []
    : [finding('materials', 'AUTHORIZATION_LETTER_REQUIRED', 'error', '主体负责人不是法定代表人，请上传由法定代表人签字并加盖公章的授权书', rule.source)];
};

const minimumAge: PrecheckCheck = (env) => {
  const rule = env.rule('minimumAge');
  const division = certificateDivision(env);
  const number = filled(env.draft.subject?.certificateNumber);
  if (!rule || env.ctx.subjectType !== 'personal' || !division || !number) return [];
  const birth = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  if (addMonths(birth, rule.value * 12) <= env.today) return [];
  return [
    finding(
      'subject.certificateNumber',
      'UNDER_MINIMUM_AGE',
      'error',
      `当地管局要求个人备案的主办者年满${rule.value}周岁，请由年满${rule.value}周岁的本人办理备案`,
      rule.source,
    ),
  ];
};

const maxDomainsPerOrder: PrecheckCheck = (env) => {
  const rule = env.rule('maxDomainsPerOrder');
  const count = (env.draft.websites ?? []).reduce((sum, website) => sum + (website.domains?.length ?? 0), 0);
  if (!rule || count <= rule.value) return [];
  return [
    finding(
      'websites',
      'TOO_MANY_DOMAINS_PER_ORDER',
      'error',
      `当地管局每个订单最多备案${rule.value}个域名，当前${count}个，请删除多余的域名，另行提交订单`,
      rule.source,
    ),
  ];
};

const maxWebsitesPerOrder: PrecheckCheck = (env) => {
  const rule = env.rule('maxWebsitesPerOrder');
  const count = env.draft.websites?.length ?? 0;
  if (!rule || count <= rule.value) return [];
  return [
    finding('websites', 'TOO_MANY_WEBSITES_PER_ORDER', 'error', `当地管局每个订单最多备案${rule.value}个网站，请删除多余的网站，另行提交订单`, rule.source),
  ];
};

const maxDomainsPerWebsite: PrecheckCheck = (env) => {
  const rule = env.rule('maxDomainsPerWebsite');
  if (!rule) return [];
  return (env.draft.websites ?? []).flatMap((website, i) =>
    (website.domains?.length ?? 0) > rule.value
      ? [
          finding(
            `websites.${i}.domains`,
            'TOO_MANY_DOMAINS_PER_WEBSITE',
            'error',
            `当地管局要求每个网站最多填写${rule.value}个域名，请为其他域名分别添加网站`,
            rule.source,
          ),
        ]
      : [],
  );
};

const maxAccessServicesPerOrder: PrecheckCheck = (env) => {
  const rule = env.rule('maxAccessServicesPerOrder');
  const count = (env.draft.websites?.length ?? 0) + (env.draft.apps?.length ?? 0);
  if (!rule || env.ctx.kind !== 'access_filing' || count <= rule.value) return [];
  return [
    finding(
      'websites',
      'TOO_MANY_ACCESS_SERVICES',
      'error',
      `当地管局每个接入备案订单最多${rule.value}个网站/APP，请删除多余的服务，另行提交订单`,
      rule.source,
    ),
  ];
};

const requiredDocuments: PrecheckCheck = (env) => {
  const rule = env.rule('requiredDocuments');
  if (!rule) return [];
  const kinds = new Set((env.draft.materials ?? []).map((material) => material.kind));
  return rule.value
    .filter((document) => !kinds.has(document.kind))
    .map((document) => finding('materials', `DOCUMENT_REQUIRED_${document.kind.toUpperCase()}`, 'error', document.note, rule.source));
};

const emergencyPhones: PrecheckCheck = (env) => {
  const rule = env.rule('emergencyPhones');
  if (!rule) return [];
  const findings = env.principals
    .filter((ref) => !filled(ref.principal.emergencyPhone))
    .map((ref) =>
      finding(`${ref.path}.emergencyPhone`, 'EMERGENCY_PHONE_REQUIRED', 'error', '当地管局要求填写应急联系电话，请填写可接通的应急联系电话', rule.source),
    );
  const subjectRef = env.principals.find((ref) => ref.path === 'subjectPrincipal');
  const subjectEmergency = filled(subjectRef?.principal.emergencyPhone);
  for (const ref of env.principals) {
    // One person (a lone personal filer, a legal representative who also runs the site) has one emergency number.
    const samePerson = ref.identity !== undefined && ref.identity === subjectRef?.identity;
    if (ref.path !== 'subjectPrincipal' && !samePerson && subjectEmergency && filled(ref.principal.emergencyPhone) === subjectEmergency) {
      findings.push(
        finding(
          `${ref.path}.emergencyPhone`,
          'EMERGENCY_PHONES_NOT_DISTINCT',
          'error',
          '当地管局要求主体负责人与网站负责人的应急联系电话不同，请填写另一个应急联系电话',
          rule.source,
        ),
      );
    }
  }
  return findings;
};

/** One check per key of the province rule table. */
export const PROVINCE_RULE_CHECKS: Record<ProvinceRuleKey, PrecheckCheck> = {
  crossProvincePersonal,
  crossCityAddress,
  subjectPrincipal: subjectPrincipalRule,
  minimumAge,
  maxDomainsPerOrder,
  maxWebsitesPerOrder,
  maxDomainsPerWebsite,
  maxAccessServicesPerOrder,
  requiredDocuments,
  emergencyPhones,
  // Checked with the other remark rules (guide.checks.ts).
  remarkMinLength: () => [],
};
