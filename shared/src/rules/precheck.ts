import { draftSchema } from '../schemas/draft.schema';
import { fieldErrorsFromZod } from '../schemas/zod-field-errors';
import { CROSS_FIELD_CHECKS } from './cross-field.checks';
import type { Finding } from './finding';
import { precheckEnv, type PrecheckContext } from './precheck-context';
import { PROVINCE_RULE_CHECKS } from './province-rule.checks';

const SHAPE_SOURCE = '草稿结构（draftSchema）';

/**
 * The pre-check (预检): province rules and cross-field rules over a whole draft. Field formats and required
 * fields are `validateDraftForSubmit`'s job; run both before submitting.
 */
export function precheck(draft: unknown, ctx: PrecheckContext): Finding[] {
  const parsed = draftSchema.safeParse(draft);
  if (!parsed.success) {
    return fieldErrorsFromZod(parsed.error).map((error) => ({ ...error, severity: 'error', source: SHAPE_SOURCE }));
  }
  const env = precheckEnv(parsed.data, ctx);
  return [...Object.values(PROVINCE_RULE_CHECKS), ...CROSS_FIELD_CHECKS].flatMap((check) => check(env));
}
