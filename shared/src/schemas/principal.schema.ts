import { z } from 'zod/mini';
import { validateMobile } from '../validate';
import { PRINCIPAL_SAME_AS } from './draft.schema';
import { optionalText, requiredText } from './field.schema';
import type { FilingContext } from './filing-context';
import { typeError } from './zod-field-errors';

/** 主体负责人 or 服务负责人. */
export function principalSchema(_ctx: FilingContext) {
  return z.object(
    {
      name: optionalText(),
      certificateType: optionalText(),
      certificateNumber: optionalText(),
      validFrom: optionalText(),
      validTo: optionalText(),
      longTerm: z.optional(z.boolean({ error: typeError })),
      mobile: requiredText(validateMobile),
      phone2: optionalText(),
      emergencyPhone: optionalText(validateMobile),
      email: optionalText(),
      sameAs: z.optional(z.enum(PRINCIPAL_SAME_AS, { error: typeError })),
    },
    { error: typeError },
  );
}
