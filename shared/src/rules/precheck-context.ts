import type { Draft, DraftPrincipal } from '../schemas/draft.schema';
import type { FilingContext } from '../schemas/filing-context';
import { chinaDate } from '../time';
import type { Finding, FindingSeverity } from './finding';
import type { InFlightOrders } from './in-flight-orders.rule';
import { PROVINCE_RULES, provinceRuleValue, type ProvinceRule, type ProvinceRuleKey, type ProvinceRuleValues } from './province-rules.table';

export interface PrecheckContext extends FilingContext {
  now: Date;
  /** Replacement for the bundled PROVINCE_RULES table. */
  rules?: readonly ProvinceRule[];
  /** Mobiles the server knows to belong to principals of other subjects. */
  mobilesOfOtherSubjects?: readonly string[];
  /** The account's bound phone: a personal filer's mobile must be this one. */
  accountMobile?: string;
  /**
   * Where `accountMobile` comes from: the account's bound phone (我的账号 → 绑定手机; a mismatch is an error), or, for
   * an account that bound none, the mobile it last proved as a personal filer (a mismatch is a warning: the filer may
   * have changed phone).
   */
  accountMobileFrom?: 'bound_phone' | 'sms_verification';
  /** Other open orders of the account and of the subject, counted by the server. */
  inFlightOrders?: InFlightOrders;
}

export interface PrincipalRef {
  path: string;
  principal: DraftPrincipal;
  /** Who the person is: certificate number when known, else the name. */
  identity: string | undefined;
}

/** What every check reads: the parsed draft, the context, today's date in China and the province rules. */
export interface PrecheckEnv {
  draft: Draft;
  ctx: PrecheckContext;
  /** ISO date in China at `ctx.now`. */
  today: string;
  /** Filing province (two digits), from the context or the subject's region. */
  province: string | undefined;
  rule<K extends ProvinceRuleKey>(key: K): { value: ProvinceRuleValues[K]; source: string } | undefined;
  principals: PrincipalRef[];
}

export type PrecheckCheck = (env: PrecheckEnv) => Finding[];

export function finding(path: string, code: string, severity: FindingSeverity, message: string, source: string): Finding {
  return { path, code, severity, message, source };
}

export function filled(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

function identityOf(principal: DraftPrincipal): string | undefined {
  const number = filled(principal.certificateNumber);
  return number ? number.toUpperCase() : filled(principal.name);
}

function principalsOf(draft: Draft, ctx: FilingContext): PrincipalRef[] {
  const refs: PrincipalRef[] = [];
  if (draft.subjectPrincipal) {
    const principal = draft.subjectPrincipal;
    // A personal filer is the subject principal; the subject's certificate says who they are.
    const identity =
      ctx.subjectType === 'personal'
        ? identityOf({ ...principal, certificateNumber: draft.subject?.certificateNumber, name: draft.subject?.name })
        : identityOf(principal);
    refs.push({ path: 'subjectPrincipal', principal, identity });
  }
  const services = [
    ...(draft.websites ?? []).map((service, i) => ({ service, path: `websites.${i}.principal` })),
    ...(draft.apps ?? []).map((service, i) => ({ service, path: `apps.${i}.principal` })),
  ];
  for (const { service, path } of services) {
    if (service.principal) refs.push({ path, principal: service.principal, identity: identityOf(service.principal) });
  }
  return refs;
}

export function precheckEnv(draft: Draft, ctx: PrecheckContext): PrecheckEnv {
  const today = chinaDate(ctx.now);
  const regionCode = filled(draft.subject?.regionCode);
  const province = filled(ctx.provinceCode)?.slice(0, 2) ?? regionCode?.slice(0, 2);
  const rules = ctx.rules ?? PROVINCE_RULES;
  return {
    draft,
    ctx,
    today,
    province,
    rule: (key) => (province ? provinceRuleValue(rules, province, ctx.subjectType, key, today) : undefined),
    principals: principalsOf(draft, ctx),
  };
}
