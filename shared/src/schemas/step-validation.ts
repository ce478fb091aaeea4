import { z } from 'zod/mini';
import type { FieldError } from '../errors';
import { isOrderKind, ORDER_KINDS } from '../workflow';
import type { OrderStepKey } from '../workflow';
import { agreementsSchema } from './agreements.schema';
import { appSchema } from './app.schema';
import { draftFacts, type DraftFacts } from './draft-facts';
import { fieldSource } from './field-sources';
import { requiredList, section } from './field.schema';
import type { FilingContext } from './filing-context';
import { materialsStepSchema } from './materials.schema';
import { principalSchema } from './principal.schema';
import { fieldMessage } from './schema-codes';
import { subjectSchema } from './subject.schema';
import { verifyTypeSchema } from './verify-type.schema';
import { websiteSchema } from './website.schema';
import { fieldErrorsFromZod, typeError } from './zod-field-errors';

function servicesSchema(facts: DraftFacts) {
  return facts.ctx.serviceType === 'app'
    ? z.object({ apps: requiredList(appSchema(facts)) }, { error: typeError })
    : z.object({ websites: requiredList(websiteSchema(facts)) }, { error: typeError });
}

/** The draft part each step edits; steps without draft fields (face check, notices …) are not here. */
const STEP_SCHEMAS: Partial<Record<OrderStepKey, (facts: DraftFacts) => z.core.$ZodType>> = {
  verify_type: verifyTypeSchema,
  subject: (facts) => z.object({ subject: section(subjectSchema(facts)) }, { error: typeError }),
  subject_principal: (facts) => z.object({ subjectPrincipal: section(principalSchema(facts, 'subject')) }, { error: typeError }),
  services: servicesSchema,
  materials: materialsStepSchema,
  review_submit: () => z.object({ agreements: section(agreementsSchema) }, { error: typeError }),
};

/** True when `validateStep` checks draft fields for this step. */
export function stepHasSchema(step: OrderStepKey): boolean {
  return STEP_SCHEMAS[step] !== undefined;
}

/** Field errors of one step, each naming its rule's source; paths are relative to the draft root (e.g. `subject.certificateNumber`). */
export function validateStep(step: OrderStepKey, data: unknown, ctx: FilingContext): FieldError[] {
  const schema = STEP_SCHEMAS[step];
  if (!schema) return [];
  const result = z.safeParse(schema(draftFacts(data, ctx)), data);
  return result.success ? [] : fieldErrorsFromZod(result.error).map((error) => ({ ...error, source: fieldSource(error.code) }));
}

/** Every field error that blocks submitting a draft of the context's kind (all its steps). */
export function validateDraftForSubmit(draft: unknown, ctx: FilingContext): FieldError[] {
  if (!isOrderKind(ctx.kind)) return [{ path: 'kind', code: 'OPTION_INVALID', message: fieldMessage('OPTION_INVALID') }];
  const errors = ORDER_KINDS[ctx.kind].steps.flatMap((step) => validateStep(step.key, draft, ctx));
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.path}|${error.code}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
