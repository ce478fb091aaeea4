import type { PrecheckContext } from '../../src/rules';
import type { Draft } from '../../src/schemas';
import { creditCode, NOW, personalDraft, principal, residentId, unitDraft, website } from '../../src/testing/draft-fixtures';

export { residentId };

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
