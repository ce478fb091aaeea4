import { draftSchema } from '../schemas/draft.schema';
import { fieldErrorsFromZod } from '../schemas/zod-field-errors';
import { CROSS_FIELD_CHECKS } from './cross-field.checks';
import type { Finding } from './finding';
import { GUIDE_CHECKS } from './guide.checks';
import { inFlightOrderFindings } from './in-flight-orders.rule';
import { precheckEnv, type PrecheckContext } from './precheck-context';
import { PROVINCE_RULE_CHECKS } from './province-rule.checks';

const SHAPE_SOURCE = '草稿结构（draftSchema）';
const PROVINCE_RULE_CHECKS_LIST = Object.values(PROVINCE_RULE_CHECKS);

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
  const inFlight = ctx.inFlightOrders ? inFlightOrderFindings(ctx.inFlightOrders) : [];
  return [...inFlight, ...[...PROVINCE_RULE_CHECKS_LIST, ...CROSS_FIELD_CHECKS, ...GUIDE_CHECKS].flatMap((check) => check(env))];
}
