import {
  isOrderKind,
  ORDER_KINDS,
  ORDER_STEPS,
  validateStep,
  type FieldError,
  type FilingContext,
  type FilingTypeDecision,
  type OrderStepKey,
  type SubjectType,
} from '@beian/shared';
import type { DraftTree } from '../../utils/draft-path.util';
import { serverNow } from '../../utils/server-clock.util';
import { withInviteePhotos } from './invited-principals.util';

/** The wizard's pages: those of a first filing (首次备案), in order; every detected kind fills the same pages. */
export const FIRST_FILING = 'first_filing';
export const WIZARD_STEPS = ORDER_KINDS[FIRST_FILING].steps.map((step) => ({ key: step.key, label: ORDER_STEPS[step.key].label }));

/** The kind the wizard validates with: the order's, else the one 验证备案类型 decided, else a first filing. */
export function wizardKind(order: { kind: string } | null, decision: FilingTypeDecision | null): string {
  return order?.kind ?? decision?.kind ?? FIRST_FILING;
}

/** The wizard's title bar: the kind it files, without the label's note in brackets (ICP变更备案, ICP新增服务). */
export function wizardTitle(kind: string): string {
  return `ICP${ORDER_KINDS[isOrderKind(kind) ? kind : FIRST_FILING].label.replace(/（.*）$/, '')}`;
}

/** Services one order of the kind may carry for the subject type (first filing: personal 1, unit 10). */
export function servicesLimit(kind: string, subjectType: SubjectType): number {
  return ORDER_KINDS[isOrderKind(kind) ? kind : FIRST_FILING].servicesPerOrder.max[subjectType] ?? Number.POSITIVE_INFINITY;
}

function listLength(draft: DraftTree, key: 'websites' | 'apps'): number {
  const list = draft[key];
  return Array.isArray(list) ? list.length : 0;
}

/** The service type the order was created with; the API does not return it, the first service tells. */
export function serviceTypeOf(draft: DraftTree): 'website' | 'app' {
  return listLength(draft, 'websites') === 0 && listLength(draft, 'apps') > 0 ? 'app' : 'website';
}

/**
 * What a draft is validated against: each kind with its own schema (接入 asks for its numbers, 首次 does not), on the
 * server's clock (`clockOffsetMs`, see the order store) as the server checks it.
 */
export function filingContext(kind: string, subjectType: SubjectType, draft: DraftTree, clockOffsetMs: number): FilingContext {
  return { kind, subjectType, serviceType: serviceTypeOf(draft), now: serverNow(clockOffsetMs) };
}

/**
 * Field errors of one step. An order may carry websites and APPs together, while a step schema checks the list of
 * one service type: each list present is checked with its own type. An invited principal's ID photos are not the
 * applicant's to upload (the server still asks for them at submission).
 */
export function stepErrors(step: OrderStepKey, filled: DraftTree, ctx: FilingContext): FieldError[] {
  const draft = withInviteePhotos(filled, ctx.subjectType);
  if (step !== 'services' && step !== 'verify_type') return validateStep(step, draft, ctx);
  const types = (['website', 'app'] as const).filter((type) => listLength(draft, type === 'website' ? 'websites' : 'apps') > 0 || ctx.serviceType === type);
  const errors = types.flatMap((serviceType) => validateStep(step, draft, { ...ctx, serviceType }));
  return errors.filter((error, i) => errors.findIndex((other) => other.path === error.path) === i);
}

const VERIFY_SUBJECT_FIELDS = /^subject\.(regionCode|nature|certificateType|certificateNumber|name|legalRep\w*)$/;
const VERIFY_SERVICE_FIELDS = /^(websites\.0\.(domains\.0|domains|resource(\..*)?)|apps\.0\.(name|resource(\..*)?))$/;

/** The step whose page shows the field of a path (draft paths and upload paths `<target>.<kind>`). */
export function stepOfPath(path: string): OrderStepKey {
  if (VERIFY_SUBJECT_FIELDS.test(path) || VERIFY_SERVICE_FIELDS.test(path)) return 'verify_type';
  if (path.startsWith('subjectPrincipal')) return 'subject_principal';
  if (/^(subject|(websites|apps)\.\d+)\.(subject_certificate|domain_real_name|app_icon)$/.test(path)) return 'materials';
  if (/^(websites|apps)(\.|$)/.test(path)) return 'services';
  if (path.startsWith('subject')) return 'subject';
  if (path.startsWith('agreements')) return 'review_submit';
  return 'materials';
}
