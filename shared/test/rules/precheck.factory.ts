import type { PrecheckContext } from '../../src/rules';
import type { Draft } from '../../src/schemas';
import { gb11643CheckChar } from '../../src/validate/gb11643';
import { NOW, personalDraft, principal, unitDraft, website } from '../../src/testing/draft-fixtures';

/** A valid 居民身份证 number for a division code and birth date (YYYYMMDD). */
export function residentId(division: string, birth: string, sequence = '001'): string {
  const first17 = `${division}${birth}${sequence}`;
  return first17 + gb11643CheckChar(first17);
}

/** A personal draft filed in `regionCode`; the filer is also the website's principal. */
export const personalIn = (regionCode: string, certificateNumber = residentId(regionCode, '19900101')): Draft =>
  personalDraft({
    subject: { ...personalDraft().subject, regionCode, certificateNumber },
    websites: [website({ principal: principal({ certificateNumber }) })],
  });

export const unitIn = (regionCode: string, over: Partial<Draft> = {}): Draft => unitDraft({ subject: { ...unitDraft().subject, regionCode }, ...over });

export const personalCheck = (over: Partial<PrecheckContext> = {}): PrecheckContext => ({
  kind: 'first_filing',
  subjectType: 'personal',
  serviceType: 'website',
  now: NOW,
  ...over,
});
export const unitCheck = (over: Partial<PrecheckContext> = {}): PrecheckContext => ({
  kind: 'first_filing',
  subjectType: 'unit',
  serviceType: 'website',
  now: NOW,
  ...over,
});
