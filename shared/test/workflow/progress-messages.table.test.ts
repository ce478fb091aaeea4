import { messagesForTransition, ORDER_TRANSITIONS, PROGRESS_MESSAGES } from '../../src/workflow';
import type { MessageTrigger, ProgressMessageType } from '../../src/workflow';

describe('PROGRESS_MESSAGES', () => {
  it('should cover every message type users expect when listed by DOMAIN.md §9', () => {
    expect(Object.keys(PROGRESS_MESSAGES)).toEqual(
      expect.arrayContaining([
        'submitted',
        'initial_review_passed',
        'initial_review_rejected',
        'sms_verification_required',
        'sms_verification_timed_out',
        'sms_verification_failed',
        'regulator_approved',
        'regulator_rejected',
        'order_expiring',
        'public_security_filing_due',
        'face_check_waiting',
        'face_check_done',
      ]),
    );
  });

  it('should point at an existing transition when a message is triggered by one', () => {
    for (const [type, message] of Object.entries(PROGRESS_MESSAGES)) {
      const trigger: MessageTrigger = message.trigger;
      if (trigger.type !== 'transition') continue;
      for (const event of trigger.events) {
        const matching = ORDER_TRANSITIONS.filter((t) => t.event === event && (trigger.to?.includes(t.to) ?? true));
        expect({ type, event, exists: matching.length > 0 }).toEqual({ type, event, exists: true });
      }
    }
  });
});

describe('messagesForTransition', () => {
  it.each<[Parameters<typeof messagesForTransition>[0], Parameters<typeof messagesForTransition>[1], ProgressMessageType[]]>([
    ['submit', 'pending_initial_review', ['submitted']],
    ['resubmit', 'pending_regulator_submission', ['submitted']],
    ['reject_initial', 'initial_review_rejected', ['initial_review_rejected']],
    ['resource_lapsed', 'resource_returned', ['resource_lapsed']],
    ['submit_to_regulator', 'sms_verification', ['sms_verification_required']],
    ['submit_to_regulator', 'regulator_review', []],
    ['sms_resent', 'sms_verification', ['sms_verification_required']],
    ['sms_timeout', 'sms_verification_failed', ['sms_verification_timed_out']],
    ['regulator_approve', 'approved', ['regulator_approved']],
    ['expire', 'expired', ['order_expired']],
    ['withdraw', 'withdrawn', []],
  ])('should send the expected messages when the order moves by %s to %s', (event, to, expected) => {
    expect(messagesForTransition(event, to)).toEqual(expected);
  });
});
