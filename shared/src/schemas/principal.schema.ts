import { z } from 'zod/mini';
import { PERSON_CERTIFICATE_TYPE_KEYS } from '../catalog/certificate-types.catalog';
import { validateCertificateNumber, validateCertificateValidity, validateEmail, validateLandline, validateMobile, VALIDITY_LONG_TERM } from '../validate';
import type { DraftFacts } from './draft-facts';
import { PRINCIPAL_SAME_AS } from './draft.schema';
import { crossFieldCheck, optionalText, requiredChoice, requiredText, textAt } from './field.schema';
import { typeError } from './zod-field-errors';

export type PrincipalRole = 'subject' | 'service';

/** An emergency contact may be a mobile or a landline with its area code. */
function validateEmergencyPhone(value: string) {
  const mobile = validateMobile(value);
  return mobile.ok ? mobile : validateLandline(value);
}

/**
 * 主体负责人 (`role: 'subject'`) or 服务负责人. A personal filer is their own subject principal, so name and
 * certificate come from the subject; units also give a landline (联系方式2) local to the subject's region.
 */
export function principalSchema(facts: DraftFacts, role: PrincipalRole) {
  const personalSubject = role === 'subject' && facts.ctx.subjectType === 'personal';
  const landline = (value: string) => validateLandline(value, { cityCode: facts.regionCode });
  const identity = personalSubject
    ? { name: optionalText(), certificateType: optionalText(), certificateNumber: optionalText() }
    : { name: requiredText(), certificateType: requiredChoice(PERSON_CERTIFICATE_TYPE_KEYS), certificateNumber: requiredText() };
  const today = facts.ctx.now;
  return z
    .object(
      {
        ...identity,
        validFrom: requiredText(),
        validTo: optionalText(),
        longTerm: z.optional(z.boolean({ error: typeError })),
        mobile: requiredText(validateMobile),
        phone2: role === 'subject' && facts.ctx.subjectType === 'unit' ? requiredText(landline) : optionalText(landline),
        emergencyPhone: optionalText(validateEmergencyPhone),
        email: requiredText(validateEmail),
        sameAs: z.optional(z.enum(PRINCIPAL_SAME_AS, { error: typeError })),
      },
      { error: typeError },
    )
    .check(
      crossFieldCheck((principal, report) => {
        const type = personalSubject ? facts.subjectCertificateType : textAt(principal, 'certificateType');
        const number = textAt(principal, 'certificateNumber');
        if (!personalSubject && type && number) {
          const result = validateCertificateNumber(type, number, { today });
          if (!result.ok && result.code !== 'CERTIFICATE_TYPE_UNKNOWN') report('certificateNumber', result.code);
        }
        const start = textAt(principal, 'validFrom');
        const end = principal.longTerm === true ? VALIDITY_LONG_TERM : textAt(principal, 'validTo');
        if (!start) return;
        if (!end) {
          report('validTo', 'REQUIRED');
          return;
        }
        // Validity left at submission is a pre-check finding (precheck); here only the dates themselves.
        const validity = validateCertificateValidity({ start, end }, { submitAt: today });
        if (!validity.ok && validity.code !== 'VALIDITY_TOO_SHORT') {
          report(validity.code === 'VALIDITY_START_FUTURE' ? 'validFrom' : 'validTo', validity.code);
        }
      }),
    );
}
