import { z } from 'zod/mini';
import { validateDomain } from '../validate';
import { optionalText, requiredList, requiredText } from './field.schema';
import type { FilingContext } from './filing-context';
import { principalSchema } from './principal.schema';
import { typeError } from './zod-field-errors';

/** One website (互联网信息服务 · 网站) with its service principal. */
export function websiteSchema(ctx: FilingContext, subjectNature?: string) {
  return z.object(
    {
      name: requiredText(),
      domains: requiredList(requiredText((domain) => validateDomain(domain, { subjectNature }))),
      homeUrl: optionalText(),
      serviceContent: z.optional(z.array(z.string({ error: typeError }), { error: typeError })),
      languages: z.optional(z.array(z.string({ error: typeError }), { error: typeError })),
      remark: optionalText(),
      principal: z.optional(principalSchema(ctx)),
    },
    { error: typeError },
  );
}
