import { PRINCIPAL_PATH_PATTERN } from '@beian/shared';

/** A principal (负责人) as found at one path of a draft. */
export interface DraftPrincipalAt {
  path: string;
  name: string;
  certificateType: string;
  certificateNumber: string;
  mobile: string;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
const record = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

function principalAt(path: string, value: unknown): DraftPrincipalAt | null {
  const p = record(value);
  if (!p) return null;
  return {
    path,
    name: text(p.name),
    certificateType: text(p.certificateType),
    certificateNumber: text(p.certificateNumber).toUpperCase(),
    mobile: text(p.mobile),
  };
}

/** A personal filer is their own subject principal: who they are comes from the subject's certificate. */
function subjectPrincipalOf(draft: Record<string, unknown>): Record<string, unknown> | null {
  const principal = record(draft.subjectPrincipal);
  const subject = record(draft.subject);
  if (!principal || subject?.nature !== 'personal') return principal;
  return { ...principal, name: subject.name, certificateType: subject.certificateType, certificateNumber: subject.certificateNumber };
}

/** Every principal of the draft in form order: the subject principal, then each website's and each APP's. */
export function draftPrincipals(draft: Record<string, unknown>): DraftPrincipalAt[] {
  const found: DraftPrincipalAt[] = [];
  const subject = principalAt('subjectPrincipal', subjectPrincipalOf(draft));
  if (subject) found.push(subject);
  for (const list of ['websites', 'apps'] as const) {
    const services = draft[list];
    if (!Array.isArray(services)) continue;
    services.forEach((service, i) => {
      const principal = principalAt(`${list}.${i}.principal`, record(service)?.principal);
      if (principal) found.push(principal);
    });
  }
  return found;
}

export function principalAtPath(draft: Record<string, unknown>, path: string): DraftPrincipalAt | null {
  if (!PRINCIPAL_PATH_PATTERN.test(path)) return null;
  return draftPrincipals(draft).find((p) => p.path === path) ?? null;
}

/** 主体负责人 / 网站1负责人 / APP2负责人. */
export function principalRoleLabel(path: string): string {
  const match = /^(websites|apps)\.(\d+)\.principal$/.exec(path);
  if (!match) return '主体负责人';
  return `${match[1] === 'websites' ? '网站' : 'APP'}${Number(match[2]) + 1}负责人`;
}
