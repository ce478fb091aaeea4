import {
  canTransition,
  isEditableByApplicant,
  isTerminal,
  nextEvents,
  nextStepText,
  ORDER_STATE_KEYS,
  ORDER_TRANSITIONS,
  statusLabel,
} from '../../src/workflow';
import type { OrderEvent, OrderKind, OrderState, WorkflowActor } from '../../src/workflow';

describe('canTransition', () => {
  it.each<[OrderState, OrderEvent, WorkflowActor, OrderKind, OrderState]>([
    ['draft', 'submit', 'applicant', 'first_filing', 'pending_initial_review'],
    ['draft', 'submit', 'applicant', 'cancel_subject', 'pending_regulator_submission'],
    ['draft', 'submit', 'applicant', 'cancel_access', 'pending_regulator_submission'],
    ['draft', 'submit', 'applicant', 'migrate_account', 'approved'],
    ['pending_initial_review', 'approve_initial', 'reviewer', 'first_filing', 'pending_regulator_submission'],
    ['pending_initial_review', 'reject_initial', 'reviewer', 'access_filing', 'initial_review_rejected'],
    ['pending_initial_review', 'reopen', 'applicant', 'first_filing', 'draft'],
    ['initial_review_rejected', 'resubmit', 'applicant', 'first_filing', 'pending_initial_review'],
    ['pending_regulator_submission', 'submit_to_regulator', 'system', 'first_filing', 'sms_verification'],
    ['pending_regulator_submission', 'submit_to_regulator', 'system', 'cancel_access', 'regulator_review'],
    ['pending_regulator_submission', 'submit_to_regulator', 'system', 'cancel_access_batch', 'regulator_review'],
    ['sms_verification', 'sms_resent', 'system', 'first_filing', 'sms_verification'],
    ['sms_verification', 'sms_verified', 'regulator', 'first_filing', 'regulator_review'],
    ['sms_verification', 'sms_failed', 'regulator', 'first_filing', 'sms_verification_failed'],
    ['sms_verification', 'sms_timeout', 'system', 'first_filing', 'sms_verification_failed'],
    ['sms_verification_failed', 'resubmit', 'applicant', 'first_filing', 'pending_initial_review'],
    ['sms_verification_failed', 'resubmit', 'applicant', 'cancel_service', 'pending_regulator_submission'],
    ['regulator_review', 'regulator_approve', 'regulator', 'first_filing', 'approved'],
    ['regulator_review', 'regulator_reject', 'regulator', 'first_filing', 'regulator_rejected'],
    ['regulator_review', 'withdraw', 'applicant', 'first_filing', 'withdrawn'],
    ['regulator_rejected', 'resubmit', 'applicant', 'change_filing', 'pending_initial_review'],
    ['regulator_rejected', 'resubmit', 'applicant', 'cancel_subject', 'pending_regulator_submission'],
    ['draft', 'expire', 'system', 'first_filing', 'expired'],
    ['initial_review_rejected', 'expire', 'system', 'first_filing', 'expired'],
    ['pending_regulator_submission', 'resource_lapsed', 'system', 'first_filing', 'resource_returned'],
    ['sms_verification', 'resource_lapsed', 'system', 'change_service', 'resource_returned'],
    ['regulator_review', 'resource_lapsed', 'system', 'first_filing', 'resource_returned'],
    ['resource_returned', 'resubmit', 'applicant', 'first_filing', 'pending_initial_review'],
    ['resource_returned', 'withdraw', 'applicant', 'first_filing', 'withdrawn'],
    ['resource_returned', 'expire', 'system', 'first_filing', 'expired'],
  ])('should move %s --%s--> by %s for %s to %s when the table allows it', (state, event, actor, kind, to) => {
    const result = canTransition(state, event, actor, kind);

    expect(result).toMatchObject({ ok: true, to });
  });

  it('should name the guard the server must check when the transition has one', () => {
    expect(canTransition('draft', 'submit', 'applicant', 'first_filing')).toEqual({
      ok: true,
      to: 'pending_initial_review',
      guard: 'precheck_passed',
    });
    expect(canTransition('draft', 'submit', 'applicant', 'migrate_account')).toEqual({
      ok: true,
      to: 'approved',
      guard: 'migration_allowed',
    });
    expect(canTransition('regulator_review', 'regulator_approve', 'regulator', 'first_filing')).toEqual({
      ok: true,
      to: 'approved',
    });
  });

  it.each<[OrderState, OrderEvent, WorkflowActor]>([
    ['draft', 'submit', 'reviewer'],
    ['draft', 'submit', 'system'],
    ['pending_initial_review', 'approve_initial', 'applicant'],
    ['pending_initial_review', 'reject_initial', 'principal'],
    ['regulator_review', 'regulator_approve', 'reviewer'],
    ['regulator_review', 'regulator_approve', 'applicant'],
    ['sms_verification', 'sms_verified', 'principal'],
    ['draft', 'expire', 'applicant'],
    ['regulator_review', 'withdraw', 'reviewer'],
  ])('should refuse %s --%s-- by %s with ACTOR_NOT_ALLOWED when the actor is wrong', (state, event, actor) => {
    const result = canTransition(state, event, actor, 'first_filing');

    expect(result).toMatchObject({ ok: false, code: 'ACTOR_NOT_ALLOWED' });
  });

  it.each<[OrderState, OrderEvent]>([
    ['draft', 'approve_initial'],
    ['draft', 'resubmit'],
    ['pending_initial_review', 'submit'],
    ['sms_verification', 'regulator_approve'],
    ['regulator_review', 'expire'],
    ['approved', 'withdraw'],
    ['withdrawn', 'resubmit'],
    ['expired', 'submit'],
  ])('should refuse %s --%s-- with TRANSITION_NOT_ALLOWED when the table has no such move', (state, event) => {
    const result = canTransition(state, event, 'applicant', 'first_filing');

    expect(result).toEqual({ ok: false, code: 'TRANSITION_NOT_ALLOWED', message: expect.stringContaining('请') });
  });

  it.each<[OrderState, OrderKind]>([
    ['pending_regulator_submission', 'cancel_subject'],
    ['sms_verification', 'cancel_subject'],
    ['regulator_review', 'cancel_subject'],
    ['regulator_review', 'cancel_services_batch'],
    ['regulator_review', 'cancel_access'],
  ])('should refuse withdraw in %s with WITHDRAW_NOT_ALLOWED when the kind is %s', (state, kind) => {
    const result = canTransition(state, 'withdraw', 'applicant', kind);

    expect(result).toEqual({ ok: false, code: 'WITHDRAW_NOT_ALLOWED', message: expect.stringContaining('管局') });
  });

  it('should allow withdrawing a cancellation when it was sent back to the applicant', () => {
    expect(canTransition('sms_verification_failed', 'withdraw', 'applicant', 'cancel_subject')).toMatchObject({
      ok: true,
      to: 'withdrawn',
    });
  });

  it.each<[OrderState, OrderEvent, WorkflowActor, OrderKind]>([
    ['pending_initial_review', 'approve_initial', 'reviewer', 'cancel_subject'],
    ['pending_initial_review', 'reject_initial', 'reviewer', 'migrate_account'],
    ['sms_verification', 'sms_verified', 'regulator', 'cancel_access'],
    ['regulator_review', 'regulator_approve', 'regulator', 'migrate_account'],
  ])('should refuse %s --%s-- by %s with NOT_ALLOWED_FOR_KIND when the kind %s skips that stage', (state, event, actor, kind) => {
    expect(canTransition(state, event, actor, kind)).toMatchObject({ ok: false, code: 'NOT_ALLOWED_FOR_KIND' });
  });

  it('should answer KIND_REQUIRED when the target depends on a kind that was not given', () => {
    expect(canTransition('draft', 'submit', 'applicant')).toMatchObject({ ok: false, code: 'KIND_REQUIRED' });
    expect(canTransition('regulator_review', 'withdraw', 'applicant')).toMatchObject({
      ok: false,
      code: 'KIND_REQUIRED',
    });
  });

  it('should decide without a kind when the move is the same for every kind', () => {
    expect(canTransition('draft', 'withdraw', 'applicant')).toEqual({ ok: true, to: 'withdrawn' });
  });

  it('should refuse with UNKNOWN_KIND when the kind is not in the table', () => {
    const result = canTransition('draft', 'submit', 'applicant', 'register_domain' as OrderKind);

    expect(result).toMatchObject({ ok: false, code: 'UNKNOWN_KIND' });
  });

  it('should refuse every event when the state is terminal', () => {
    const terminal = ORDER_STATE_KEYS.filter(isTerminal);
    const events = [...new Set(ORDER_TRANSITIONS.map((t) => t.event))];

    for (const state of terminal) {
      for (const event of events) {
        expect(canTransition(state, event, 'applicant', 'first_filing')).toMatchObject({ ok: false });
      }
    }
    expect(terminal).toEqual(['approved', 'withdrawn', 'expired']);
  });
});

describe('nextEvents', () => {
  it('should list the applicant buttons of a rejected order when the kind has 初审', () => {
    expect(nextEvents('initial_review_rejected', 'applicant', 'first_filing')).toEqual(['resubmit', 'withdraw']);
  });

  it('should give the same applicant buttons as a rejection when the order was returned because its resource lapsed', () => {
    expect(nextEvents('resource_returned', 'applicant', 'first_filing')).toEqual(['resubmit', 'withdraw']);
  });

  it('should list the reviewer decisions when the order waits for 初审', () => {
    expect(nextEvents('pending_initial_review', 'reviewer')).toEqual(['approve_initial', 'reject_initial']);
  });

  it('should leave out withdraw when the kind cannot be withdrawn at the 管局', () => {
    expect(nextEvents('regulator_review', 'applicant', 'cancel_subject')).toEqual([]);
    expect(nextEvents('regulator_review', 'applicant', 'first_filing')).toEqual(['withdraw']);
  });

  it('should list no event when the state is terminal', () => {
    expect(nextEvents('approved', 'applicant')).toEqual([]);
    expect(nextEvents('approved', 'system')).toEqual([]);
  });

  it('should list each event once when several transitions share it', () => {
    expect(nextEvents('draft', 'applicant')).toEqual(['submit', 'withdraw']);
  });
});

describe('state texts', () => {
  it('should give a Chinese label and next-step text when any state is shown', () => {
    for (const state of ORDER_STATE_KEYS) {
      expect(statusLabel(state)).toMatch(/\p{Script=Han}/u);
      expect(nextStepText(state)).toMatch(/\p{Script=Han}/u);
    }
  });

  it('should keep the labels the server and mini-program show when the state is known', () => {
    expect(statusLabel('draft')).toBe('填写中');
    expect(statusLabel('pending_initial_review')).toBe('待初审');
    expect(statusLabel('expired')).toBe('已失效');
  });

  it('should say the resource lapsed, not that the reviewer rejected, when a lapse returned the order', () => {
    expect(statusLabel('resource_returned', 'first_filing')).toBe('资源失效退回');
    expect(nextStepText('resource_returned')).toContain('改选本账号下满足备案条件的实例后重新提交');
    expect(nextStepText('resource_returned')).not.toContain('驳回原因');
  });

  it('should name the outcome per kind when the order is approved', () => {
    expect(statusLabel('approved', 'first_filing')).toBe('备案成功');
    expect(statusLabel('approved', 'cancel_subject')).toBe('注销成功');
    expect(statusLabel('approved', 'cancel_access')).toBe('取消接入成功');
    expect(nextStepText('approved', 'first_filing')).toContain('公安联网备案');
  });

  it('should tell the principal what to enter when the order waits for SMS verification', () => {
    expect(nextStepText('sms_verification')).toContain('24 小时');
    expect(nextStepText('sms_verification')).toContain('后六位');
  });
});

describe('isEditableByApplicant', () => {
  it.each<[OrderState, boolean]>([
    ['draft', true],
    ['initial_review_rejected', true],
    ['resource_returned', true],
    ['sms_verification_failed', true],
    ['regulator_rejected', true],
    ['pending_initial_review', false],
    ['pending_regulator_submission', false],
    ['sms_verification', false],
    ['regulator_review', false],
    ['approved', false],
    ['withdrawn', false],
    ['expired', false],
  ])('should answer %s → %s when asked whether the applicant may edit', (state, editable) => {
    expect(isEditableByApplicant(state)).toBe(editable);
  });
});
