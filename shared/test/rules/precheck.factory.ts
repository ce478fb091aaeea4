import type { PrecheckContext } from '../../src/rules';
import type { Draft } from '../../src/schemas';
import { gb11643CheckChar } from '../../src/validate/gb11643';
import { usccCheckChar } from '../../src/validate/uscc.validator';
import { NOW, personalDraft, principal, unitDraft, website } from '../../src/testing/draft-fixtures';

/** A valid 居民身份证 number for a division code and birth date (YYYYMMDD). */
export function residentId(division: string, birth: string, sequence = '001'): string {
  const first17 = `${division}${birth}${sequence}`;
  return first17 + gb11643CheckChar(first17);
}

/** A valid 统一社会信用代码 of an enterprise registered in `division`. */
export function creditCode(division: string): string {
  const first17 = `91${division}MA01X0001`;
  return first17 + usccCheckChar(first17);
}

/** A personal draft filed in `regionCode` (its address names no province); the filer is also the website's principal. */
export const personalIn = (regionCode: string, certificateNumber = residentId(regionCode, '19900101')): Draft =>
  personalDraft({
    subject: { ...personalDraft().subject, regionCode, certificateNumber, communicationAddress: '示例路1号101室' },
    websites: [website({ principal: principal({ certificateNumber }) })],
  });

/** A unit filed in `regionCode` whose licence was issued in `licenceDivision` (the same district unless given). */
export const unitIn = (regionCode: string, over: Partial<Draft> = {}, licenceDivision = regionCode): Draft =>
  unitDraft({ subject: { ...unitDraft().subject, regionCode, certificateNumber: creditCode(licenceDivision) }, ...over });

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
