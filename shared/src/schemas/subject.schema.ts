import { z } from 'zod/mini';
import { certificateTypesForNature, PERSON_CERTIFICATE_TYPE_KEYS, UNIT_CERTIFICATE_TYPES } from '../catalog/certificate-types.catalog';
import { provinceByCode } from '../catalog/provinces.catalog';
import { SUBJECT_NATURE_KEYS, type SubjectNatureKey } from '../catalog/subject-natures.catalog';
import { validateCertificateNumber, validateIcpNumber } from '../validate';
import type { DraftFacts } from './draft-facts';
import { crossFieldCheck, optionalText, requiredChoice, requiredText, textAt } from './field.schema';
import { typeError } from './zod-field-errors';

const UNIT_NATURES: readonly string[] = SUBJECT_NATURE_KEYS.filter((key) => key !== 'personal');
const UNIT_CERTIFICATE_KEYS = UNIT_CERTIFICATE_TYPES.map((type) => type.key);
const REMARK_MAX = 200;

/** A region picked down to the district (6-digit GB/T 2260 code inside a known province). */
export function regionCodeField() {
  return requiredText((code) =>
    /^\d{6}$/.test(code) && provinceByCode(code) && !code.endsWith('00') ? { ok: true } : { ok: false, code: 'REGION_REQUIRED_DISTRICT' },
  );
}

/** Kinds that start from an approved filing and must name its subject number. */
const KINDS_WITH_SUBJECT_NUMBER = ['change_filing'];

/**
 * Every field of 主体信息 for the context. Personal subjects have no legal representative or investor;
 * units must give both.
 */
export function subjectShape(facts: DraftFacts) {
  const personal = facts.ctx.subjectType === 'personal';
  const common = {
    nature: requiredChoice(personal ? ['personal'] : UNIT_NATURES),
    certificateType: requiredChoice(personal ? PERSON_CERTIFICATE_TYPE_KEYS : UNIT_CERTIFICATE_KEYS),
    certificateNumber: requiredText(),
    name: requiredText(),
    certificateAddress: requiredText(),
    communicationAddress: requiredText(),
    regionCode: regionCodeField(),
    remark: z.optional(z.string({ error: typeError }).check(z.maxLength(REMARK_MAX))),
    icpNumber: KINDS_WITH_SUBJECT_NUMBER.includes(facts.ctx.kind) ? requiredText(validateIcpNumber) : optionalText(validateIcpNumber),
    filingPassword: optionalText(),
  };
  if (personal) return common;
  return {
    ...common,
    legalRepName: requiredText(),
    legalRepCertificateType: requiredChoice(PERSON_CERTIFICATE_TYPE_KEYS),
    legalRepCertificateNumber: requiredText(),
    investor: requiredText(),
  };
}

/** Certificate numbers checked against their certificate type; unit types must fit the nature. */
export function subjectChecks(facts: DraftFacts) {
  const today = facts.ctx.now;
  return crossFieldCheck((subject, report) => {
    const pairs: [string, string][] = [['certificateType', 'certificateNumber']];
    if (facts.ctx.subjectType === 'unit') pairs.push(['legalRepCertificateType', 'legalRepCertificateNumber']);
    for (const [typeKey, numberKey] of pairs) {
      const type = textAt(subject, typeKey);
      const number = textAt(subject, numberKey);
      if (!type || !number) continue;
      const result = validateCertificateNumber(type, number, { today });
      if (!result.ok && result.code !== 'CERTIFICATE_TYPE_UNKNOWN') report(numberKey, result.code);
    }
    const nature = textAt(subject, 'nature') as SubjectNatureKey | undefined;
    const type = textAt(subject, 'certificateType');
    if (facts.ctx.subjectType === 'unit' && nature && UNIT_NATURES.includes(nature) && type && UNIT_CERTIFICATE_KEYS.includes(type)) {
      if (!certificateTypesForNature(nature).some((entry) => entry.key === type)) {
        report('certificateType', 'CERTIFICATE_TYPE_NATURE_MISMATCH');
      }
    }
  });
}

/** 主体信息 of one filing. */
export function subjectSchema(facts: DraftFacts) {
  return z.object(subjectShape(facts), { error: typeError }).check(subjectChecks(facts));
}
