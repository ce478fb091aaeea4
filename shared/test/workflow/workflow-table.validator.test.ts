import {
  INITIAL_ORDER_STATE,
  isOrderEvent,
  isTerminal,
  isWorkflowActor,
  ORDER_KIND_KEYS,
  ORDER_KINDS,
  ORDER_STATE_KEYS,
  ORDER_TRANSITIONS,
  ORDER_WORKFLOW,
  TRANSITION_GUARDS,
  transitionAppliesTo,
  validateWorkflowTable,
} from '../../src/workflow';
import type { RawTransition, WorkflowTable } from '../../src/workflow';

function reachable(transitions: readonly RawTransition[]): Set<string> {
  const seen = new Set<string>([INITIAL_ORDER_STATE]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const t of transitions) {
      if (seen.has(t.from) && !seen.has(t.to)) {
        seen.add(t.to);
        grew = true;
      }
    }
  }
  return seen;
}

function withTransitions(transitions: readonly RawTransition[]): WorkflowTable {
  return { ...ORDER_WORKFLOW, transitions };
}

describe('the order workflow table', () => {
  it('should have no problems when validated', () => {
    expect(validateWorkflowTable()).toEqual([]);
  });

  it('should reach every state when starting from draft', () => {
    expect([...reachable(ORDER_TRANSITIONS)].sort()).toEqual([...ORDER_STATE_KEYS].sort());
  });

  it('should have exits only when the state is not terminal', () => {
    for (const state of ORDER_STATE_KEYS) {
      const exits = ORDER_TRANSITIONS.filter((t) => t.from === state);
      expect({ state, hasExits: exits.length > 0 }).toEqual({ state, hasExits: !isTerminal(state) });
    }
  });

  it('should name a known event, actors and guard when any transition is read', () => {
    for (const t of ORDER_TRANSITIONS) {
      expect(isOrderEvent(t.event)).toBe(true);
      expect(t.actors.length).toBeGreaterThan(0);
      expect(t.actors.every(isWorkflowActor)).toBe(true);
      if (t.guard !== undefined) expect(Object.keys(TRANSITION_GUARDS)).toContain(t.guard);
    }
  });

  it('should have one target per (state, event) when any order kind is fixed', () => {
    for (const kind of ORDER_KIND_KEYS) {
      const pairs = ORDER_TRANSITIONS.filter((t) => transitionAppliesTo(t, ORDER_KINDS[kind].flow)).map((t) => `${t.from}/${t.event}`);
      expect({ kind, duplicates: pairs.filter((pair, i) => pairs.indexOf(pair) !== i) }).toEqual({
        kind,
        duplicates: [],
      });
    }
  });

  it('should let every kind reach approved and never reach SMS verification when it has no SMS check', () => {
    for (const kind of ORDER_KIND_KEYS) {
      const states = reachable(ORDER_TRANSITIONS.filter((t) => transitionAppliesTo(t, ORDER_KINDS[kind].flow)));
      expect(states.has('approved')).toBe(true);
      expect(states.has('sms_verification')).toBe(ORDER_KINDS[kind].flow.smsVerification);
      expect(states.has('pending_initial_review')).toBe(ORDER_KINDS[kind].flow.initialReview);
    }
  });
});

describe('validateWorkflowTable', () => {
  it('should report TERMINAL_HAS_EXIT when a terminal state has an exit', () => {
    const table = withTransitions([...ORDER_TRANSITIONS, { from: 'approved', to: 'draft', event: 'resubmit', actors: ['applicant'] }]);

    expect(validateWorkflowTable(table).map((p) => p.code)).toContain('TERMINAL_HAS_EXIT');
  });

  it('should report UNREACHABLE_STATE and DEAD_END when a state loses its transitions', () => {
    const table = withTransitions(ORDER_TRANSITIONS.filter((t) => t.from !== 'regulator_rejected' && t.to !== 'regulator_rejected'));

    const codes = validateWorkflowTable(table).map((p) => p.code);

    expect(codes).toEqual(expect.arrayContaining(['UNREACHABLE_STATE', 'DEAD_END']));
  });

  it('should report NO_ACTOR, UNKNOWN_ACTOR, UNKNOWN_EVENT, UNKNOWN_GUARD and UNKNOWN_STATE when a row is malformed', () => {
    const table = withTransitions([
      ...ORDER_TRANSITIONS,
      { from: 'draft', to: 'limbo', event: 'teleport', actors: [] },
      { from: 'draft', to: 'withdrawn', event: 'withdraw', actors: ['janitor'], guard: 'moon_is_full' },
    ]);

    const codes = validateWorkflowTable(table).map((p) => p.code);

    expect(codes).toEqual(expect.arrayContaining(['NO_ACTOR', 'UNKNOWN_ACTOR', 'UNKNOWN_EVENT', 'UNKNOWN_GUARD', 'UNKNOWN_STATE']));
  });

  it('should report AMBIGUOUS_TRANSITION when one (state, event) has two targets for a kind', () => {
    const table = withTransitions([...ORDER_TRANSITIONS, { from: 'draft', to: 'expired', event: 'withdraw', actors: ['applicant'] }]);

    expect(validateWorkflowTable(table).map((p) => p.code)).toContain('AMBIGUOUS_TRANSITION');
  });

  it('should report KIND_CANNOT_FINISH when a kind can no longer reach approved', () => {
    const table = withTransitions(ORDER_TRANSITIONS.filter((t) => t.event !== 'regulator_approve'));

    expect(validateWorkflowTable(table).map((p) => p.code)).toContain('KIND_CANNOT_FINISH');
  });

  it('should report SMS_RECIPIENTS_MISMATCH and NO_SUBMIT_STEP when a kind contradicts itself', () => {
    const table: WorkflowTable = {
      ...ORDER_WORKFLOW,
      kinds: {
        ...ORDER_KINDS,
        cancel_access: { ...ORDER_KINDS.cancel_access, flow: { ...ORDER_KINDS.cancel_access.flow, smsVerification: true } },
        cancel_service: { ...ORDER_KINDS.cancel_service, steps: [{ key: 'notice', mode: 'confirm' }] },
      },
    };

    const codes = validateWorkflowTable(table).map((p) => p.code);

    expect(codes).toEqual(expect.arrayContaining(['SMS_RECIPIENTS_MISMATCH', 'NO_SUBMIT_STEP']));
  });
});
