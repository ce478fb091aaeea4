import { z } from 'zod/mini';
import type { FieldError } from '../errors';
import type { FilingContext } from './filing-context';
import { principalSchema } from './principal.schema';
import { subjectSchema } from './subject.schema';
import { websiteSchema } from './website.schema';
import { fieldErrorsFromZod, typeError } from './zod-field-errors';
import { requiredList } from './field.schema';

export const STEP_KEYS = ['subject', 'subject-principal', 'services'] as const;
export type StepKey = (typeof STEP_KEYS)[number];

function subjectNatureOf(data: unknown, ctx: FilingContext): string | undefined {
  if (ctx.subjectType === 'personal') return 'personal';
  const nature = (data as { subject?: { nature?: unknown } } | null)?.subject?.nature;
  return typeof nature === 'string' ? nature : undefined;
}

const STEP_SCHEMAS: Record<StepKey, (ctx: FilingContext, data: unknown) => z.core.$ZodType> = {
  subject: (ctx) => z.object({ subject: subjectSchema(ctx) }, { error: typeError }),
  'subject-principal': (ctx) => z.object({ subjectPrincipal: principalSchema(ctx) }, { error: typeError }),
  services: (ctx, data) =>
    z.object({ websites: requiredList(websiteSchema(ctx, subjectNatureOf(data, ctx))) }, { error: typeError }),
};

/** Field errors of one step; paths are relative to the draft root (e.g. `subject.certificateNumber`). */
export function validateStep(step: StepKey, data: unknown, ctx: FilingContext): FieldError[] {
  const result = z.safeParse(STEP_SCHEMAS[step](ctx, data), data);
  return result.success ? [] : fieldErrorsFromZod(result.error);
}

/** Every field error that blocks submitting a draft of the context's kind. */
export function validateDraftForSubmit(draft: unknown, ctx: FilingContext): FieldError[] {
  const errors = STEP_KEYS.flatMap((step) => validateStep(step, draft, ctx));
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}|${error.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
