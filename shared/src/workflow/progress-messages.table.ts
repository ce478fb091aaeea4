import type { OrderState } from './order-states.table';
import type { OrderEvent } from './order-transitions.table';
import { isTableKey } from './table-key';

/** What a message needs besides the order: the template fills these in. */
export type MessageDetail = 'reasons' | 'deadline' | 'numbers' | 'days_left' | 'principal';

/** A message is caused by a transition, by a scheduled job, or by an activity (a face check, a finished 迁移备案账号). */
export type MessageTrigger =
  | { type: 'transition'; events: readonly OrderEvent[]; to?: readonly OrderState[] }
  | { type: 'job'; job: 'inactivity_reminder' | 'public_security_reminder' }
  | { type: 'activity'; activity: 'face_check_requested' | 'face_check_completed' | 'account_migrated' };

export interface ProgressMessageDefinition {
  title: string;
  trigger: MessageTrigger;
  /** The applicant always; principals when they must act themselves; the account a 迁移备案账号 moves the subject to. */
  audience: readonly ('applicant' | 'principal' | 'migration_target')[];
  details: readonly MessageDetail[];
}

/**
 * The progress messages users expect (DOMAIN.md §9). Every message lands in the in-app message centre;
 * WeChat subscribe messages when granted; SMS/email where configured.
 */
export const PROGRESS_MESSAGES = {
  submitted: {
    title: '备案申请已提交',
    trigger: {
      type: 'transition',
      events: ['submit', 'resubmit'],
      to: ['pending_initial_review', 'pending_regulator_submission'],
    },
    audience: ['applicant'],
    details: [],
  },
  initial_review_passed: {
    title: '初审已通过',
    trigger: { type: 'transition', events: ['approve_initial'] },
    audience: ['applicant'],
    details: [],
  },
  initial_review_rejected: {
    title: '初审未通过，请修改后重新提交',
    trigger: { type: 'transition', events: ['reject_initial'] },
    audience: ['applicant'],
    details: ['reasons'],
  },
  resource_lapsed: {
    title: '云资源不再满足备案条件，订单已退回',
    trigger: { type: 'transition', events: ['resource_lapsed'] },
    audience: ['applicant'],
    details: ['reasons'],
  },
  sms_verification_required: {
    title: '请完成工信部短信核验',
    trigger: { type: 'transition', events: ['submit_to_regulator', 'sms_resent'], to: ['sms_verification'] },
    audience: ['applicant', 'principal'],
    details: ['deadline'],
  },
  sms_verification_timed_out: {
    title: '工信部短信核验已超时',
    trigger: { type: 'transition', events: ['sms_timeout'] },
    audience: ['applicant'],
    details: [],
  },
  sms_verification_failed: {
    title: '工信部短信核验失败',
    trigger: { type: 'transition', events: ['sms_failed'] },
    audience: ['applicant'],
    details: [],
  },
  regulator_approved: {
    title: '管局审核已通过',
    trigger: { type: 'transition', events: ['regulator_approve'] },
    audience: ['applicant'],
    details: ['numbers'],
  },
  regulator_rejected: {
    title: '管局审核未通过，请修改后重新提交',
    trigger: { type: 'transition', events: ['regulator_reject'] },
    audience: ['applicant'],
    details: ['reasons'],
  },
  order_expiring: {
    title: '备案订单即将失效，请尽快处理',
    trigger: { type: 'job', job: 'inactivity_reminder' },
    audience: ['applicant'],
    details: ['days_left'],
  },
  order_expired: {
    title: '备案订单已失效',
    trigger: { type: 'transition', events: ['expire'] },
    audience: ['applicant'],
    details: [],
  },
  public_security_filing_due: {
    title: '请在网站或APP开通后 30 日内完成公安联网备案',
    trigger: { type: 'job', job: 'public_security_reminder' },
    audience: ['applicant'],
    details: ['deadline'],
  },
  face_check_waiting: {
    title: '请完成视频核验',
    trigger: { type: 'activity', activity: 'face_check_requested' },
    audience: ['principal'],
    details: ['principal'],
  },
  face_check_done: {
    title: '负责人已完成视频核验',
    trigger: { type: 'activity', activity: 'face_check_completed' },
    audience: ['applicant'],
    details: ['principal'],
  },
  account_migrated_out: {
    title: '备案主体已迁出本账号',
    trigger: { type: 'activity', activity: 'account_migrated' },
    audience: ['applicant'],
    details: [],
  },
  account_migrated_in: {
    title: '备案主体已迁入本账号',
    trigger: { type: 'activity', activity: 'account_migrated' },
    audience: ['migration_target'],
    details: [],
  },
} as const satisfies Record<string, ProgressMessageDefinition>;

export type ProgressMessageType = keyof typeof PROGRESS_MESSAGES;

export function isProgressMessageType(value: string): value is ProgressMessageType {
  return isTableKey(PROGRESS_MESSAGES, value);
}

/** The messages a transition causes; the server writes them to the outbox in the same transaction. */
export function messagesForTransition(event: OrderEvent, to: OrderState): ProgressMessageType[] {
  return (Object.keys(PROGRESS_MESSAGES) as ProgressMessageType[]).filter((type) => {
    const trigger: MessageTrigger = PROGRESS_MESSAGES[type].trigger;
    return trigger.type === 'transition' && trigger.events.includes(event) && (trigger.to?.includes(to) ?? true);
  });
}
