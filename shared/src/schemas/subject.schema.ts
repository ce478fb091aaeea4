import { z } from 'zod/mini';
import { certificateTypesForNature, PERSON_CERTIFICATE_TYPE_KEYS, UNIT_CERTIFICATE_TYPES } from '../catalog/certificate-types.catalog';
import { provinceByCode } from '../catalog/provinces.catalog';
import { SUBJECT_NATURE_KEYS, type SubjectNatureKey } from '../catalog/subject-natures.catalog';
import { validateCertificateNumber, validateSubjectIcpNumber } from '../validate';
import type { DraftFacts } from './draft-facts';
import { crossFieldCheck, optionalText, requiredChoice, requiredText, textAt } from './field.schema';
import { typeError } from './zod-field-errors';

const UNIT_NATURES: readonly string[] = SUBJECT_NATURE_KEYS.filter((key) => key !== 'personal');
const UNIT_CERTIFICATE_KEYS = UNIT_CERTIFICATE_TYPES.map((type) => type.key);
const REMARK_MAX = 200;

function filingPassword(value: string) {
  return value.trim().length <= FILING_PASSWORD_MAX ? ({ ok: true } as const) : ({ ok: false, code: 'TEXT_TOO_LONG' } as const);
}

/** A region picked down to the district (6-digit GB/T 2260 code inside a known province). */
export function regionCodeField() {
  return requiredText((code) =>
    /^\d{6}$/.test(code) && provinceByCode(code) && !code.endsWith('00') ? { ok: true } : { ok: false, code: 'REGION_REQUIRED_DISTRICT' },
  );
}

/** Kinds whose subject is filed already and must name its 主体备案号 (接入, 新增服务外平台, 变更). */
const KINDS_WITH_SUBJECT_NUMBER = ['access_filing', 'add_service_remote', 'change_filing'];
/** 备案密码 (S002 L28): required by 接入备案; 新增服务（外平台）asks for it where the province does, so it is offered. */
const KINDS_WITH_FILING_PASSWORD = ['access_filing'];
const KINDS_OFFERING_FILING_PASSWORD = ['access_filing', 'add_service_remote'];
const FILING_PASSWORD_MAX = 64;

/** The wizard shows 主体备案号 for this kind. */
export function asksSubjectIcpNumber(kind: string): boolean {
  return KINDS_WITH_SUBJECT_NUMBER.includes(kind);
}

/** The wizard shows 备案密码 for this kind; `required` when it must be filled. */
export function asksFilingPassword(kind: string): 'required' | 'optional' | null {
  if (KINDS_WITH_FILING_PASSWORD.includes(kind)) return 'required';
  return KINDS_OFFERING_FILING_PASSWORD.includes(kind) ? 'optional' : null;
}

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
    subjectIcpNumber: KINDS_WITH_SUBJECT_NUMBER.includes(facts.ctx.kind) ? requiredText(validateSubjectIcpNumber) : optionalText(validateSubjectIcpNumber),
    filingPassword: KINDS_WITH_FILING_PASSWORD.includes(facts.ctx.kind) ? requiredText(filingPassword) : optionalText(filingPassword),
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
