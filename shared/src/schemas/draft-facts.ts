import type { FilingContext } from './filing-context';

/** What entity schemas need to know from other sections of the draft. */
export interface DraftFacts {
  ctx: FilingContext;
  subjectNature: string | undefined;
  subjectName: string | undefined;
  subjectCertificateType: string | undefined;
  /** GB/T 2260 code of the subject's region: landlines must carry its area code. */
  regionCode: string | undefined;
  /** 主体备案号 a filed service's number must belong to. */
  subjectIcpNumber: string | undefined;
}

function stringAt(section: unknown, key: string): string | undefined {
  if (typeof section !== 'object' || section === null) return undefined;
  const value = (section as Record<string, unknown>)[key];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function draftFacts(data: unknown, ctx: FilingContext): DraftFacts {
  const subject = typeof data === 'object' && data !== null ? (data as Record<string, unknown>).subject : undefined;
  return {
    ctx,
    subjectNature: ctx.subjectType === 'personal' ? 'personal' : stringAt(subject, 'nature'),
    subjectName: stringAt(subject, 'name'),
    subjectCertificateType: stringAt(subject, 'certificateType'),
    regionCode: stringAt(subject, 'regionCode'),
    subjectIcpNumber: stringAt(subject, 'subjectIcpNumber'),
  };
}
