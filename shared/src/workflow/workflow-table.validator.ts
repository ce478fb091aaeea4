import type { KindFlow, OrderKindDefinition } from './order-kinds.table';
import { ORDER_KINDS } from './order-kinds.table';
import type { OrderStateDefinition } from './order-states.table';
import { INITIAL_ORDER_STATE, ORDER_STATES } from './order-states.table';
import { ORDER_STEPS, SUBMITTING_STEPS } from './order-steps.table';
import type { OrderEventDefinition, TransitionGuardDefinition } from './order-transitions.table';
import { ORDER_EVENTS, ORDER_TRANSITIONS, TRANSITION_GUARDS } from './order-transitions.table';
import { transitionAppliesTo } from './order-state-machine';
import { isTableKey } from './table-key';
import { WORKFLOW_ACTORS } from './workflow-actors';

/** A transition as stored, before it is known to name only known states, events, actors and guards. */
export interface RawTransition {
  from: string;
  to: string;
  event: string;
  actors: readonly string[];
  guard?: string;
  when?: Partial<KindFlow>;
}

export interface WorkflowTable {
  states: Readonly<Record<string, OrderStateDefinition>>;
  events: Readonly<Record<string, OrderEventDefinition>>;
  guards: Readonly<Record<string, TransitionGuardDefinition>>;
  kinds: Readonly<Record<string, OrderKindDefinition>>;
  transitions: readonly RawTransition[];
  initialState: string;
}

export const ORDER_WORKFLOW: WorkflowTable = {
  states: ORDER_STATES,
  events: ORDER_EVENTS,
  guards: TRANSITION_GUARDS,
  kinds: ORDER_KINDS,
  transitions: ORDER_TRANSITIONS,
  initialState: INITIAL_ORDER_STATE,
};

export type WorkflowProblemCode =
  | 'UNKNOWN_STATE'
  | 'UNKNOWN_EVENT'
  | 'UNKNOWN_ACTOR'
  | 'UNKNOWN_GUARD'
  | 'NO_ACTOR'
  | 'TERMINAL_HAS_EXIT'
  | 'DEAD_END'
  | 'WAITING_ON_MISMATCH'
  | 'UNREACHABLE_STATE'
  | 'AMBIGUOUS_TRANSITION'
  | 'KIND_CANNOT_FINISH'
  | 'UNKNOWN_STEP'
  | 'DUPLICATE_STEP'
  | 'NO_SUBMIT_STEP'
  | 'SMS_RECIPIENTS_MISMATCH'
  | 'SMS_WITHOUT_REGULATOR';

export interface WorkflowProblem {
  code: WorkflowProblemCode;
  message: string;
}

const FINAL_SUCCESS_STATE = 'approved';

function reachableFrom(start: string, transitions: readonly RawTransition[]): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const t of transitions) {
      if (t.from === state && !seen.has(t.to)) {
        seen.add(t.to);
        queue.push(t.to);
      }
    }
  }
  return seen;
}

function checkTransitions(table: WorkflowTable): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  for (const t of table.transitions) {
    const name = `${t.from} --${t.event}--> ${t.to}`;
    for (const state of [t.from, t.to]) {
      if (!isTableKey(table.states, state)) problems.push({ code: 'UNKNOWN_STATE', message: `${name}: 未知状态 ${state}` });
    }
    if (!isTableKey(table.events, t.event)) problems.push({ code: 'UNKNOWN_EVENT', message: `${name}: 未知事件` });
    if (t.actors.length === 0) problems.push({ code: 'NO_ACTOR', message: `${name}: 没有可执行的角色` });
    for (const actor of t.actors) {
      if (!isTableKey(WORKFLOW_ACTORS, actor)) problems.push({ code: 'UNKNOWN_ACTOR', message: `${name}: 未知角色 ${actor}` });
    }
    if (t.guard !== undefined && !isTableKey(table.guards, t.guard)) {
      problems.push({ code: 'UNKNOWN_GUARD', message: `${name}: 未知守卫 ${t.guard}` });
    }
  }
  return problems;
}

function checkStates(table: WorkflowTable): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const reachable = reachableFrom(table.initialState, table.transitions);
  for (const [key, state] of Object.entries(table.states)) {
    const hasExit = table.transitions.some((t) => t.from === key);
    if (state.terminal && hasExit) problems.push({ code: 'TERMINAL_HAS_EXIT', message: `终态 ${key} 不能有出口` });
    if (!state.terminal && !hasExit) problems.push({ code: 'DEAD_END', message: `非终态 ${key} 没有出口` });
    if (state.terminal !== (state.waitingOn === null)) {
      problems.push({ code: 'WAITING_ON_MISMATCH', message: `${key}: 只有终态不等待任何角色` });
    }
    if (!reachable.has(key)) problems.push({ code: 'UNREACHABLE_STATE', message: `${key} 无法从 ${table.initialState} 到达` });
  }
  return problems;
}

function checkKind(table: WorkflowTable, key: string, kind: OrderKindDefinition): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const transitions = table.transitions.filter((t) => transitionAppliesTo(t, kind.flow));
  const seen = new Set<string>();
  for (const t of transitions) {
    const pair = `${t.from}/${t.event}`;
    if (seen.has(pair)) problems.push({ code: 'AMBIGUOUS_TRANSITION', message: `${key}: ${pair} 有多个目标状态` });
    seen.add(pair);
  }
  if (!reachableFrom(table.initialState, transitions).has(FINAL_SUCCESS_STATE)) {
    problems.push({ code: 'KIND_CANNOT_FINISH', message: `${key}: 无法到达 ${FINAL_SUCCESS_STATE}` });
  }

  const steps = kind.steps.map((step) => step.key as string);
  for (const step of steps) {
    if (!isTableKey(ORDER_STEPS, step)) problems.push({ code: 'UNKNOWN_STEP', message: `${key}: 未知步骤 ${step}` });
  }
  if (new Set(steps).size !== steps.length) problems.push({ code: 'DUPLICATE_STEP', message: `${key}: 步骤重复` });
  const last = kind.steps[kind.steps.length - 1];
  if (last === undefined || !SUBMITTING_STEPS.includes(last.key)) {
    problems.push({ code: 'NO_SUBMIT_STEP', message: `${key}: 最后一步必须是提交步骤` });
  }

  if (kind.flow.smsVerification !== kind.smsRecipients.length > 0) {
    problems.push({ code: 'SMS_RECIPIENTS_MISMATCH', message: `${key}: 需要短信核验当且仅当有短信接收人` });
  }
  if (kind.flow.smsVerification && !kind.flow.regulator) {
    problems.push({ code: 'SMS_WITHOUT_REGULATOR', message: `${key}: 工信部短信核验只发生在提交管局之后` });
  }
  return problems;
}

/** Checks the workflow tables for consistency; the server refuses to boot on any problem. */
export function validateWorkflowTable(table: WorkflowTable = ORDER_WORKFLOW): WorkflowProblem[] {
  return [...checkTransitions(table), ...checkStates(table), ...Object.entries(table.kinds).flatMap(([key, kind]) => checkKind(table, key, kind))];
}
