import type { KindFlow, OrderKind, SmsRecipientRole, SmsRecipientRule } from './order-kinds.table';
import { isOrderKind, ORDER_KINDS } from './order-kinds.table';
import type { ApplicantEditScope, OrderState } from './order-states.table';
import { ORDER_STATES } from './order-states.table';
import type { OrderStepKey } from './order-steps.table';
import type { OrderEvent, TransitionDefinition, TransitionGuard, WorkflowErrorCode } from './order-transitions.table';
import { ORDER_EVENTS, ORDER_TRANSITIONS, WORKFLOW_ERRORS } from './order-transitions.table';
import type { WorkflowActor } from './workflow-actors';

export type TransitionCheck = { ok: true; to: OrderState; guard?: TransitionGuard } | { ok: false; code: WorkflowErrorCode; message: string };

function refuse(code: WorkflowErrorCode): TransitionCheck {
  return { ok: false, code, message: WORKFLOW_ERRORS[code] };
}

function allow(transition: TransitionDefinition): TransitionCheck {
  return transition.guard === undefined ? { ok: true, to: transition.to } : { ok: true, to: transition.to, guard: transition.guard };
}

/** True when the transition applies to an order kind with this flow. */
export function transitionAppliesTo(transition: Pick<TransitionDefinition, 'when'>, flow: KindFlow): boolean {
  const when = transition.when ?? {};
  return (Object.keys(when) as (keyof KindFlow)[]).every((flag) => flow[flag] === when[flag]);
}

/**
 * Whether `actor` may fire `event` in `state`. The answer names the target state and the guard the
 * server must still check against the order's data. Without `kind`, only kind-independent moves are decided.
 */
export function canTransition(state: OrderState, event: OrderEvent, actor: WorkflowActor, kind?: OrderKind): TransitionCheck {
  const candidates = ORDER_TRANSITIONS.filter((t) => t.from === state && t.event === event);
  if (candidates.length === 0) return refuse('TRANSITION_NOT_ALLOWED');
  const forActor = candidates.filter((t) => t.actors.includes(actor));
  if (forActor.length === 0) return refuse('ACTOR_NOT_ALLOWED');

  if (kind === undefined) {
    const [only, ...others] = forActor;
    return only !== undefined && others.length === 0 && only.when === undefined ? allow(only) : refuse('KIND_REQUIRED');
  }
  if (!isOrderKind(kind)) return refuse('UNKNOWN_KIND');
  const flow = ORDER_KINDS[kind].flow;
  const match = forActor.find((t) => transitionAppliesTo(t, flow));
  return match === undefined ? refuse(ORDER_EVENTS[event].refusedForKind) : allow(match);
}

/** The events `actor` may fire in `state` (for `kind`, when given), e.g. to show the right buttons. */
export function nextEvents(state: OrderState, actor: WorkflowActor, kind?: OrderKind): OrderEvent[] {
  const flow = kind === undefined ? undefined : ORDER_KINDS[kind].flow;
  const events = ORDER_TRANSITIONS.filter((t) => t.from === state && t.actors.includes(actor) && (flow === undefined || transitionAppliesTo(t, flow))).map(
    (t) => t.event,
  );
  return [...new Set(events)];
}

export function statusLabel(state: OrderState, kind?: OrderKind): string {
  return state === 'approved' && kind !== undefined ? ORDER_KINDS[kind].approvedLabel : ORDER_STATES[state].label;
}

/** What happens next, for the applicant's progress page. */
export function nextStepText(state: OrderState, kind?: OrderKind): string {
  return state === 'approved' && kind !== undefined ? ORDER_KINDS[kind].approvedNextStep : ORDER_STATES[state].nextStep;
}

export function whoseMove(state: OrderState): WorkflowActor | null {
  return ORDER_STATES[state].waitingOn;
}

export function isTerminal(state: OrderState): boolean {
  return ORDER_STATES[state].terminal;
}

export function applicantEditScope(state: OrderState): ApplicantEditScope {
  return ORDER_STATES[state].applicantEdit;
}

/** The applicant may save the draft (all of it, or the rejected fields). Materials during 初审: see applicantEditScope. */
export function isEditableByApplicant(state: OrderState): boolean {
  const scope = applicantEditScope(state);
  return scope === 'all' || scope === 'rejected_fields';
}

export function stepsFor(kind: OrderKind): OrderStepKey[] {
  return ORDER_KINDS[kind].steps.map((step) => step.key);
}

/** Who receives the MIIT verification SMS for this kind; empty when there is no SMS check (取消接入). */
export function smsRecipients(kind: OrderKind): readonly SmsRecipientRule[] {
  return ORDER_KINDS[kind].smsRecipients;
}

export interface PrincipalContact {
  role: SmsRecipientRole;
  mobile: string;
  /** The part this principal answers for changed in the order (变更 only). */
  changed?: boolean;
}

/** The mobiles MIIT texts for this order: one SMS per number, never the emergency contact. */
export function resolveSmsRecipients(kind: OrderKind, principals: readonly PrincipalContact[]): string[] {
  const rules = smsRecipients(kind);
  const mobiles = principals
    .filter((person) => rules.some((rule) => rule.role === person.role && (rule.when === 'always' || person.changed === true)))
    .map((person) => person.mobile);
  return [...new Set(mobiles)];
}
