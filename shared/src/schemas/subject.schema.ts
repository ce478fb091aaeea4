import { z } from 'zod/mini';
import { validateResidentId } from '../validate';
import { crossFieldCheck, optionalText, requiredText, textAt } from './field.schema';
import type { FilingContext } from './filing-context';
import { typeError } from './zod-field-errors';

/** 主体信息 of one filing (step 主体信息, with the fields fixed at 验证备案类型). */
export function subjectSchema(ctx: FilingContext) {
  const today = ctx.now;
  return z
    .object(
      {
        nature: optionalText(),
        certificateType: optionalText(),
        certificateNumber: requiredText(),
        name: requiredText(),
        certificateAddress: optionalText(),
        communicationAddress: optionalText(),
        regionCode: optionalText(),
        legalRepName: optionalText(),
        legalRepCertificateType: optionalText(),
        legalRepCertificateNumber: optionalText(),
        investor: optionalText(),
        remark: optionalText(),
        icpNumber: optionalText(),
        filingPassword: optionalText(),
      },
      { error: typeError },
    )
    .check(
      crossFieldCheck((subject, report) => {
        const number = textAt(subject, 'certificateNumber');
        if (number !== undefined && ctx.subjectType === 'personal') {
          const result = validateResidentId(number, { today });
          if (!result.ok) report('certificateNumber', result.code);
        }
      }),
    );
}
