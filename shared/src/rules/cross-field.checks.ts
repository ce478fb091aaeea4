import { PRE_APPROVAL_TYPES, preApprovalKeywordHits } from '../catalog/pre-approvals.catalog';
import type { DraftApp, DraftWebsite } from '../schemas/draft.schema';
import { addMonths } from '../time';
import { validateCertificateValidity, validationMessage, VALIDITY_LONG_TERM, websiteNameFindings } from '../validate';
import { isOrderKind, ORDER_KINDS } from '../workflow';
import type { Finding } from './finding';
import { letterSigningWindow, LETTER_SIGNED_WITHIN_MONTHS } from './letter-signing.rule';
import { filled, finding, type PrecheckCheck, type PrincipalRef } from './precheck-context';

const PEOPLE_RULES = 'DOMAIN.md §6 负责人与联系方式（一个手机号只属于一个主体；不同负责人手机号、邮箱不同；应急电话不同于手机号）';
const PERSONAL_FILING = '腾讯云 ICP备案操作指引（小程序端）seeds/003 L228：个人备案请输入主办者的手机号码，需与账号绑定手机一致';
const DOMAIN_RULES = 'DOMAIN.md §6 域名（实名持有者与主体一致；未过期，部分省份要求剩余3个月以上；实名认证满3个工作日）';
const PRE_APPROVAL_RULES = 'DOMAIN.md §6–7 前置审批（名称、备注中的金融、理财、支付等词需确认前置审批；仅单位可办理）';
const NAMING_RULES = 'DOMAIN.md §6 网站名称（单位网站名称与单位名称相关）';
const CERTIFICATE_RULES = 'DOMAIN.md §6 证件（提交时证件有效期须剩余3个月以上）';
const LETTER_RULES = `DOMAIN.md §6 证件（授权书、承诺书须在提交前${LETTER_SIGNED_WITHIN_MONTHS}个月内签署）`;
const PACKAGE_RULES = '腾讯云 ICP 备案操作指引（小程序端）seeds/003 L505、L509：同一主体下，同一 APP 的同一个运行平台、不同 APP 的包名不可相同';

const normalizeMobile = (mobile: string) => mobile.replace(/[\s-]/g, '').replace(/^(?:\+86|0086)/, '');

const servicesPerOrder: PrecheckCheck = (env) => {
  if (!isOrderKind(env.ctx.kind)) return [];
  const kind = ORDER_KINDS[env.ctx.kind];
  const max = kind.servicesPerOrder.max[env.ctx.subjectType];
  const count = (env.draft.websites?.length ?? 0) + (env.draft.apps?.length ?? 0);
  if (max === null || count <= max) return [];
  const who = env.ctx.subjectType === 'personal' ? '个人' : '单位';
  return [
    finding(
      env.draft.apps?.length ? 'apps' : 'websites',
      'TOO_MANY_SERVICES',
      'error',
      `${who}${kind.label}每个订单最多${max}个网站/APP，请删除多余的服务，另行提交订单`,
      kind.sources[0]?.source ?? PEOPLE_RULES,
    ),
  ];
};

const personalPrincipalIsSubject: PrecheckCheck = (env) => {
  const { subject, subjectPrincipal } = env.draft;
  if (env.ctx.subjectType !== 'personal' || !subject || !subjectPrincipal) return [];
  const findings: Finding[] = [];
  const name = filled(subjectPrincipal.name);
  if (name && filled(subject.name) && name !== filled(subject.name)) {
    findings.push(
      finding(
        'subjectPrincipal.name',
        'PERSONAL_PRINCIPAL_NOT_SUBJECT',
        'error',
        '个人备案的主体负责人须为主办者本人，请填写与主办者相同的姓名',
        PERSONAL_FILING,
      ),
    );
  }
  const number = filled(subjectPrincipal.certificateNumber)?.toUpperCase();
  const subjectNumber = filled(subject.certificateNumber)?.toUpperCase();
  if (number && subjectNumber && number !== subjectNumber) {
    findings.push(
      finding(
        'subjectPrincipal.certificateNumber',
        'PERSONAL_PRINCIPAL_NOT_SUBJECT',
        'error',
        '个人备案的主体负责人须为主办者本人，请填写与主办者相同的证件号码',
        PERSONAL_FILING,
      ),
    );
  }
  const mobile = filled(subjectPrincipal.mobile);
  const accountMobile = filled(env.ctx.accountMobile);
  if (mobile && accountMobile && normalizeMobile(mobile) !== normalizeMobile(accountMobile)) {
    findings.push(
      env.ctx.accountMobileFrom === 'sms_verification'
        ? finding(
            'subjectPrincipal.mobile',
            'PERSONAL_MOBILE_NOT_ACCOUNT',
            'warning',
            '该手机号与您此前备案验证过的手机号不一致；个人备案的手机号须与账号绑定手机一致，如已更换手机号请先修改账号绑定手机',
            PERSONAL_FILING,
          )
        : finding(
            'subjectPrincipal.mobile',
            'PERSONAL_MOBILE_NOT_ACCOUNT',
            'error',
            '个人备案的手机号须与账号绑定的手机号一致，请填写绑定手机号或先修改账号绑定手机',
            PERSONAL_FILING,
          ),
    );
  }
  return findings;
};

const mobileOfOtherSubject: PrecheckCheck = (env) => {
  const taken = new Set((env.ctx.mobilesOfOtherSubjects ?? []).map(normalizeMobile));
  return env.principals
    .filter((ref) => {
      const mobile = filled(ref.principal.mobile);
      return mobile !== undefined && taken.has(normalizeMobile(mobile));
    })
    .map((ref) =>
      finding(
        `${ref.path}.mobile`,
        'MOBILE_USED_BY_OTHER_SUBJECT',
        'error',
        '该手机号已用于其他备案主体，一个手机号只能属于一个主体，请更换手机号',
        PEOPLE_RULES,
      ),
    );
};

/** Principals who are different people may not share `field` (normalised by `normalize`). */
function sharedBetweenPeople(principals: readonly PrincipalRef[], field: 'mobile' | 'email', normalize: (value: string) => string): PrincipalRef[] {
  const firstOwner = new Map<string, string | undefined>();
  const clashes: PrincipalRef[] = [];
  for (const ref of principals) {
    const raw = filled(ref.principal[field]);
    if (!raw) continue;
    const value = normalize(raw);
    if (!firstOwner.has(value)) firstOwner.set(value, ref.identity);
    else if (firstOwner.get(value) !== ref.identity) clashes.push(ref);
  }
  return clashes;
}

const distinctPeopleDistinctContacts: PrecheckCheck = (env) => [
  ...sharedBetweenPeople(env.principals, 'mobile', normalizeMobile).map((ref) =>
    finding(`${ref.path}.mobile`, 'MOBILE_SHARED_BY_DIFFERENT_PEOPLE', 'error', '不同负责人的手机号不能相同，请填写该负责人本人的手机号', PEOPLE_RULES),
  ),
  ...sharedBetweenPeople(env.principals, 'email', (email) => email.toLowerCase()).map((ref) =>
    finding(`${ref.path}.email`, 'EMAIL_SHARED_BY_DIFFERENT_PEOPLE', 'error', '不同负责人的电子邮箱不能相同，请填写该负责人本人的邮箱', PEOPLE_RULES),
  ),
];

const emergencyIsNotMobile: PrecheckCheck = (env) =>
  env.principals
    .filter((ref) => {
      const mobile = filled(ref.principal.mobile);
      const emergency = filled(ref.principal.emergencyPhone);
      return mobile && emergency && normalizeMobile(mobile) === normalizeMobile(emergency);
    })
    .map((ref) =>
      finding(`${ref.path}.emergencyPhone`, 'EMERGENCY_EQUALS_MOBILE', 'error', '应急联系电话不能与本人手机号相同，请填写另一个可接通的电话', PEOPLE_RULES),
    );

const domainHolders: PrecheckCheck = (env) => {
  const subjectName = filled(env.draft.subject?.name);
  const subjectNumber = filled(env.draft.subject?.certificateNumber)?.toUpperCase();
  const threeMonthsOn = addMonths(env.today, 3);
  return (env.draft.websites ?? []).flatMap((website, i) =>
    (website.domainHolders ?? []).flatMap((holder, j) => {
      const domain = filled(holder.domain);
      const domainIndex = domain ? (website.domains ?? []).findIndex((d) => d.trim().toLowerCase() === domain.toLowerCase()) : -1;
      const path = domainIndex >= 0 ? `websites.${i}.domains.${domainIndex}` : `websites.${i}.domainHolders.${j}`;
      const shown = domain ?? '该域名';
      const findings: Finding[] = [];
      const holderName = filled(holder.holderName);
      const holderNumber = filled(holder.holderCertificateNumber)?.toUpperCase();
      if ((holderName && subjectName && holderName !== subjectName) || (holderNumber && subjectNumber && holderNumber !== subjectNumber)) {
        findings.push(
          finding(
            path,
            'DOMAIN_HOLDER_NOT_SUBJECT',
            'error',
            `${shown} 的实名持有者与主办者不一致，请将域名过户到主办者名下，或更换主办者名下的域名`,
            DOMAIN_RULES,
          ),
        );
      }
      const expiresAt = filled(holder.expiresAt)?.slice(0, 10);
      if (expiresAt && expiresAt < env.today) {
        findings.push(finding(path, 'DOMAIN_EXPIRED', 'error', `${shown} 已过期，请先续费域名`, DOMAIN_RULES));
      } else if (expiresAt && expiresAt < threeMonthsOn) {
        findings.push(finding(path, 'DOMAIN_EXPIRES_SOON', 'warning', `${shown} 的有效期不足3个月，部分管局会因此驳回，请先续费域名`, DOMAIN_RULES));
      }
      const verifiedAt = filled(holder.verifiedAt)?.slice(0, 10);
      // Three calendar days are always fewer than three working days, so this never warns wrongly.
      if (verifiedAt && addDays(verifiedAt, 3) > env.today) {
        findings.push(
          finding(
            path,
            'DOMAIN_REAL_NAME_TOO_RECENT',
            'warning',
            `${shown} 实名认证完成不足3个工作日，管局可能查询不到实名信息，建议3个工作日后再提交`,
            DOMAIN_RULES,
          ),
        );
      }
      return findings;
    }),
  );
};

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const duplicateDomains: PrecheckCheck = (env) => {
  const seen = new Set<string>();
  return (env.draft.websites ?? []).flatMap((website, i) =>
    (website.domains ?? []).flatMap((raw, k) => {
      const domain = raw.trim().toLowerCase();
      if (!domain) return [];
      if (!seen.has(domain)) {
        seen.add(domain);
        return [];
      }
      return [finding(`websites.${i}.domains.${k}`, 'DOMAIN_DUPLICATE', 'error', `${raw.trim()} 已填写过，请删除重复的域名`, DOMAIN_RULES)];
    }),
  );
};

function preApprovalWarnings(path: string, text: string | undefined, service: DraftWebsite | DraftApp, personal: boolean): Finding[] {
  const value = filled(text);
  if (!value) return [];
  const declared = new Set((service.preApprovals ?? []).map((approval) => approval.type));
  const firstHitPerType = new Map(
    preApprovalKeywordHits(value)
      .reverse()
      .map((hit) => [hit.preApproval, hit]),
  );
  return [...firstHitPerType.values()]
    .filter((hit) => !declared.has(hit.preApproval))
    .map((hit) => {
      const label = PRE_APPROVAL_TYPES.find((type) => type.key === hit.preApproval)?.label ?? hit.preApproval;
      const message = personal
        ? `内容含“${hit.keyword}”，可能涉及${label}类前置审批，个人备案不能开办此类服务，请修改为与网站实际内容相符的表述`
        : `内容含“${hit.keyword}”，可能涉及${label}类前置审批：如涉及请在前置审批中选择“${label}”并上传审批文件，否则请修改表述`;
      return finding(path, 'PRE_APPROVAL_KEYWORD', 'warning', message, PRE_APPROVAL_RULES);
    });
}

const preApprovalKeywords: PrecheckCheck = (env) => {
  const personal = env.ctx.subjectType === 'personal';
  const services = [
    ...(env.draft.websites ?? []).map((service, i) => ({ service, path: `websites.${i}` })),
    ...(env.draft.apps ?? []).map((service, i) => ({ service, path: `apps.${i}` })),
  ];
  return services.flatMap(({ service, path }) => [
    ...preApprovalWarnings(`${path}.name`, service.name, service, personal),
    ...preApprovalWarnings(`${path}.remark`, service.remark, service, personal),
  ]);
};

const unitWebsiteNaming: PrecheckCheck = (env) => {
  const subjectName = filled(env.draft.subject?.name);
  if (env.ctx.subjectType !== 'unit' || !subjectName) return [];
  return (env.draft.websites ?? []).flatMap((website, i) => {
    const name = filled(website.name);
    if (!name) return [];
    return websiteNameFindings(name, { subjectType: 'unit', subjectName, subjectNature: env.draft.subject?.nature })
      .filter((result) => result.code === 'WEBSITE_NAME_SUBJECT_UNRELATED')
      .map((result) => finding(`websites.${i}.name`, result.code, 'warning', validationMessage(result.code), NAMING_RULES));
  });
};

const certificateValidityLeft: PrecheckCheck = (env) =>
  env.principals.flatMap((ref) => {
    const start = filled(ref.principal.validFrom);
    const end = ref.principal.longTerm ? VALIDITY_LONG_TERM : filled(ref.principal.validTo);
    if (!start || !end) return [];
    const result = validateCertificateValidity({ start, end }, { submitAt: env.ctx.now });
    return !result.ok && result.code === 'VALIDITY_TOO_SHORT'
      ? [finding(`${ref.path}.validTo`, result.code, 'error', validationMessage(result.code), CERTIFICATE_RULES)]
      : [];
  });

const letterSigningDates: PrecheckCheck = (env) => {
  const signable = letterSigningWindow(env.today);
  return (env.draft.materials ?? []).flatMap((material, i) => {
    const signedAt = filled(material.signedAt)?.slice(0, 10);
    if (!signedAt || (material.kind !== 'commitment_letter' && material.kind !== 'authorization_letter')) return [];
    const letter = material.kind === 'commitment_letter' ? '承诺书' : '授权书';
    if (signedAt > signable.latest) {
      return [finding(`materials.${i}.signedAt`, 'LETTER_SIGNED_IN_FUTURE', 'error', `${letter}的签署日期晚于今天，请填写实际签署日期`, LETTER_RULES)];
    }
    if (signedAt < signable.earliest) {
      return [
        finding(
          `materials.${i}.signedAt`,
          'LETTER_TOO_OLD',
          'error',
          `${letter}须在提交前${LETTER_SIGNED_WITHIN_MONTHS}个月内签署，请重新签署后上传`,
          LETTER_RULES,
        ),
      ];
    }
    return [];
  });
};

const appPackageNames: PrecheckCheck = (env) => {
  const ownerApp = new Map<string, number>();
  const findings: Finding[] = [];
  (env.draft.apps ?? []).forEach((app, i) => {
    const platformsSeen = new Set<string>();
    (app.packages ?? []).forEach((pkg, j) => {
      const packageName = filled(pkg.packageName);
      if (!packageName) return;
      const path = `apps.${i}.packages.${j}.packageName`;
      const samePlatformKey = `${pkg.platform ?? ''}|${packageName}`;
      const owner = ownerApp.get(packageName);
      if (owner !== undefined && owner !== i) {
        findings.push(finding(path, 'PACKAGE_NAME_USED_BY_OTHER_APP', 'error', '同一主体下不同APP的包名不能相同，请填写该APP自己的包名', PACKAGE_RULES));
      } else if (platformsSeen.has(samePlatformKey)) {
        findings.push(finding(path, 'PACKAGE_NAME_DUPLICATE_ON_PLATFORM', 'error', '同一APP在同一平台上的包名不能重复，请删除重复的包信息', PACKAGE_RULES));
      }
      ownerApp.set(packageName, owner ?? i);
      platformsSeen.add(samePlatformKey);
    });
  });
  return findings;
};

export const CROSS_FIELD_CHECKS: readonly PrecheckCheck[] = [
  servicesPerOrder,
  personalPrincipalIsSubject,
  mobileOfOtherSubject,
  distinctPeopleDistinctContacts,
  emergencyIsNotMobile,
  domainHolders,
  duplicateDomains,
  preApprovalKeywords,
  unitWebsiteNaming,
  certificateValidityLeft,
  letterSigningDates,
  appPackageNames,
];
