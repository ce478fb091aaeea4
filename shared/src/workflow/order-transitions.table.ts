import type { KindFlow } from './order-kinds.table';
import type { OrderState } from './order-states.table';
import type { WorkflowActor } from './workflow-actors';
import { isTableKey } from './table-key';

/** Business failures of a transition request, with what the user should do. */
export const WORKFLOW_ERRORS = {
  TRANSITION_NOT_ALLOWED: '当前状态下不能进行此操作，请刷新后查看订单最新状态',
  ACTOR_NOT_ALLOWED: '您无权进行此操作，请由申请人、负责人或审核专员中有权限的一方处理',
  NOT_ALLOWED_FOR_KIND: '该类型的订单不支持此操作，请刷新后查看可进行的操作',
  WITHDRAW_NOT_ALLOWED: '申请已提交至管局，无法撤回，请等待管局审核结果',
  KIND_REQUIRED: '请指定订单类型后再进行此操作',
  UNKNOWN_KIND: '不支持的订单类型，请重新选择备案类型',
} as const;

export type WorkflowErrorCode = keyof typeof WORKFLOW_ERRORS;

export interface OrderEventDefinition {
  label: string;
  /** Code answered when the event exists in this state but not for this order kind. */
  refusedForKind: WorkflowErrorCode;
}

export const ORDER_EVENTS = {
  submit: { label: '提交', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  reopen: { label: '撤回修改', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  approve_initial: { label: '初审通过', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  reject_initial: { label: '初审驳回', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  resubmit: { label: '重新提交', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  submit_to_regulator: { label: '提交管局', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  resource_lapsed: { label: '云资源不再满足备案条件', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  sms_resent: { label: '工信部重发核验短信', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  sms_verified: { label: '短信核验完成', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  sms_failed: { label: '短信核验失败', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  sms_timeout: { label: '短信核验超时', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  regulator_approve: { label: '管局审核通过', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  regulator_reject: { label: '管局驳回', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
  withdraw: { label: '撤销订单', refusedForKind: 'WITHDRAW_NOT_ALLOWED' },
  expire: { label: '订单失效', refusedForKind: 'NOT_ALLOWED_FOR_KIND' },
} as const satisfies Record<string, OrderEventDefinition>;

export type OrderEvent = keyof typeof ORDER_EVENTS;

export function isOrderEvent(value: string): value is OrderEvent {
  return isTableKey(ORDER_EVENTS, value);
}

export interface TransitionGuardDefinition {
  /** What the server checks before moving the order. */
  checks: string;
  /** Answered when the check fails. */
  code: string;
  message: string;
}

/** Guards need the order's data, so the server evaluates them; the table names them and their failure. */
export const TRANSITION_GUARDS = {
  precheck_passed: {
    checks: '预检没有 error 级别的结果，warning 均已确认',
    code: 'PRECHECK_FAILED',
    message: '提交前检查未通过，请按提示修改后再提交',
  },
  migration_allowed: {
    checks: '没有进行中的订单；迁入账号没有备案信息或订单；迁入账号实名与备案主体一致',
    code: 'MIGRATION_NOT_ALLOWED',
    message: '暂不能迁移：请确认没有进行中的备案订单、迁入账号没有备案信息或订单，且其实名认证与备案主体一致',
  },
  review_not_started: {
    checks: '审核专员尚未领取该订单',
    code: 'REVIEW_ALREADY_STARTED',
    message: '审核专员已开始审核，暂不能撤回修改，请等待初审结果',
  },
  rejection_reasons_given: {
    checks: '每条驳回原因都满足 INITIAL_REJECTION_REASONS 中该原因的要求',
    code: 'REJECTION_REASONS_REQUIRED',
    message: '请为每个驳回的字段填写原因和修改建议；以“无法联系”驳回需两次致电均未接通且间隔至少 1 小时',
  },
  regulator_reasons_given: {
    checks: '管局返回了驳回原因',
    code: 'REJECTION_REASONS_REQUIRED',
    message: '请填写管局的驳回原因',
  },
  all_recipients_verified: {
    checks: '本订单所有核验短信接收人均已核验通过',
    code: 'SMS_VERIFICATION_INCOMPLETE',
    message: '仍有负责人未完成短信核验，请提醒其在有效期内完成',
  },
  sms_attempts_exhausted: {
    checks: '验证码已错误 5 次，第 6 次提交仍然错误',
    code: 'SMS_ATTEMPTS_REMAINING',
    message: '验证码错误次数未达上限，负责人仍可继续核验',
  },
  sms_deadline_passed: {
    checks: '核验短信（含次日 12 点的重发）已过有效期',
    code: 'SMS_NOT_EXPIRED',
    message: '核验短信仍在有效期内，请等待负责人完成核验',
  },
  sms_resend_available: {
    checks: '首条核验短信已过期且尚未重发',
    code: 'SMS_ALREADY_RESENT',
    message: '核验短信已重发过一次，不能再次重发',
  },
  face_checks_confirmed: {
    checks: '每段待审核人员确认的人脸核验视频均已确认通过',
    code: 'FACE_CHECK_UNCONFIRMED',
    message: '还有人脸核验视频未确认通过：请先在“人脸核验”中查看视频并确认，或驳回请负责人重新录制',
  },
  inactivity_limit_reached: {
    checks: '订单在等待用户处理的状态停留满 45 天',
    code: 'ORDER_STILL_ACTIVE',
    message: '订单未满 45 天未处理，不能置为失效',
  },
} as const satisfies Record<string, TransitionGuardDefinition>;

export type TransitionGuard = keyof typeof TRANSITION_GUARDS;

/** Kinds of 初审 rejection; each reason the reviewer gives is one of these. */
export const INITIAL_REJECTION_REASONS = {
  field: {
    label: '信息需修改',
    requires: '指明字段路径，并填写原因和修改建议',
  },
  unreachable: {
    label: '电话无法联系',
    // 腾讯云: 首次未接通约 1 小时后再次致电，仍未联系上则驳回。
    requires: '两次致电均未接通，且两次间隔至少 1 小时',
  },
} as const;

export type InitialRejectionReason = keyof typeof INITIAL_REJECTION_REASONS;

export interface TransitionDefinition {
  from: OrderState;
  to: OrderState;
  event: OrderEvent;
  actors: readonly WorkflowActor[];
  guard?: TransitionGuard;
  /** Applies only to order kinds whose flow has every listed flag value. */
  when?: Partial<KindFlow>;
}

const WITH_INITIAL_REVIEW = { initialReview: true } as const;
const STRAIGHT_TO_REGULATOR = { initialReview: false, regulator: true } as const;
const AT_REGULATOR_WITHDRAWABLE = { withdrawableAtRegulator: true } as const;
const WITH_SMS = { smsVerification: true } as const;
const WITHOUT_SMS = { smsVerification: false } as const;
const INSIDE_PROVIDER = { regulator: false } as const;
const WITH_REGULATOR = { regulator: true } as const;

/** The order workflow. The server enforces it; every move writes a history row. */
export const ORDER_TRANSITIONS: readonly TransitionDefinition[] = [
  // 填写中
  { from: 'draft', to: 'pending_initial_review', event: 'submit', actors: ['applicant'], guard: 'precheck_passed', when: WITH_INITIAL_REVIEW },
  { from: 'draft', to: 'pending_regulator_submission', event: 'submit', actors: ['applicant'], guard: 'precheck_passed', when: STRAIGHT_TO_REGULATOR },
  { from: 'draft', to: 'approved', event: 'submit', actors: ['applicant'], guard: 'migration_allowed', when: INSIDE_PROVIDER },
  { from: 'draft', to: 'withdrawn', event: 'withdraw', actors: ['applicant'] },
  { from: 'draft', to: 'expired', event: 'expire', actors: ['system'], guard: 'inactivity_limit_reached' },

  // 初审
  { from: 'pending_initial_review', to: 'draft', event: 'reopen', actors: ['applicant'], guard: 'review_not_started', when: WITH_INITIAL_REVIEW },
  {
    from: 'pending_initial_review',
    to: 'pending_regulator_submission',
    event: 'approve_initial',
    actors: ['reviewer'],
    guard: 'face_checks_confirmed',
    when: WITH_INITIAL_REVIEW,
  },
  {
    from: 'pending_initial_review',
    to: 'initial_review_rejected',
    event: 'reject_initial',
    actors: ['reviewer'],
    guard: 'rejection_reasons_given',
    when: WITH_INITIAL_REVIEW,
  },
  { from: 'pending_initial_review', to: 'withdrawn', event: 'withdraw', actors: ['applicant'] },

  {
    from: 'initial_review_rejected',
    to: 'pending_initial_review',
    event: 'resubmit',
    actors: ['applicant'],
    guard: 'precheck_passed',
    when: WITH_INITIAL_REVIEW,
  },
  { from: 'initial_review_rejected', to: 'withdrawn', event: 'withdraw', actors: ['applicant'] },
  { from: 'initial_review_rejected', to: 'expired', event: 'expire', actors: ['system'], guard: 'inactivity_limit_reached' },

  // 资源失效退回: the resource lapsed, not the reviewer's rejection; the applicant changes it and resubmits for 初审.
  { from: 'resource_returned', to: 'pending_initial_review', event: 'resubmit', actors: ['applicant'], guard: 'precheck_passed', when: WITH_INITIAL_REVIEW },
  { from: 'resource_returned', to: 'withdrawn', event: 'withdraw', actors: ['applicant'] },
  { from: 'resource_returned', to: 'expired', event: 'expire', actors: ['system'], guard: 'inactivity_limit_reached' },

  // 提交管局
  { from: 'pending_regulator_submission', to: 'sms_verification', event: 'submit_to_regulator', actors: ['system'], when: WITH_SMS },
  { from: 'pending_regulator_submission', to: 'regulator_review', event: 'submit_to_regulator', actors: ['system'], when: WITHOUT_SMS },
  { from: 'pending_regulator_submission', to: 'withdrawn', event: 'withdraw', actors: ['applicant'], when: AT_REGULATOR_WITHDRAWABLE },
  // A resource expired or refunded during 初审 goes back to the applicant, its field rejected, before the 管局 sees it.
  { from: 'pending_regulator_submission', to: 'resource_returned', event: 'resource_lapsed', actors: ['system'], when: WITH_INITIAL_REVIEW },

  // 工信部短信核验: 24 h, one re-send at noon the next day, the sixth wrong code fails.
  { from: 'sms_verification', to: 'sms_verification', event: 'sms_resent', actors: ['regulator', 'system'], guard: 'sms_resend_available', when: WITH_SMS },
  { from: 'sms_verification', to: 'regulator_review', event: 'sms_verified', actors: ['regulator'], guard: 'all_recipients_verified', when: WITH_SMS },
  { from: 'sms_verification', to: 'sms_verification_failed', event: 'sms_failed', actors: ['regulator'], guard: 'sms_attempts_exhausted', when: WITH_SMS },
  {
    from: 'sms_verification',
    to: 'sms_verification_failed',
    event: 'sms_timeout',
    actors: ['regulator', 'system'],
    guard: 'sms_deadline_passed',
    when: WITH_SMS,
  },
  { from: 'sms_verification', to: 'withdrawn', event: 'withdraw', actors: ['applicant'], when: AT_REGULATOR_WITHDRAWABLE },
  // A resource expired or refunded while MIIT texts the principals: the provider withdraws the submission, the applicant changes the resource.
  { from: 'sms_verification', to: 'resource_returned', event: 'resource_lapsed', actors: ['system'], when: WITH_INITIAL_REVIEW },

  // A failed or timed-out check sends the order back to the provider; resubmitting starts again.
  {
    from: 'sms_verification_failed',
    to: 'pending_initial_review',
    event: 'resubmit',
    actors: ['applicant'],
    guard: 'precheck_passed',
    when: WITH_INITIAL_REVIEW,
  },
  {
    from: 'sms_verification_failed',
    to: 'pending_regulator_submission',
    event: 'resubmit',
    actors: ['applicant'],
    guard: 'precheck_passed',
    when: STRAIGHT_TO_REGULATOR,
  },
  { from: 'sms_verification_failed', to: 'withdrawn', event: 'withdraw', actors: ['applicant'] },
  { from: 'sms_verification_failed', to: 'expired', event: 'expire', actors: ['system'], guard: 'inactivity_limit_reached' },

  // 管局审核
  { from: 'regulator_review', to: 'approved', event: 'regulator_approve', actors: ['regulator'], when: WITH_REGULATOR },
  {
    from: 'regulator_review',
    to: 'regulator_rejected',
    event: 'regulator_reject',
    actors: ['regulator'],
    guard: 'regulator_reasons_given',
    when: WITH_REGULATOR,
  },
  { from: 'regulator_review', to: 'withdrawn', event: 'withdraw', actors: ['applicant'], when: AT_REGULATOR_WITHDRAWABLE },
  // The same during the 管局 review (seeds/003 L2649–2720: the resource must stay eligible 备案期间).
  { from: 'regulator_review', to: 'resource_returned', event: 'resource_lapsed', actors: ['system'], when: WITH_INITIAL_REVIEW },

  { from: 'regulator_rejected', to: 'pending_initial_review', event: 'resubmit', actors: ['applicant'], guard: 'precheck_passed', when: WITH_INITIAL_REVIEW },
  {
    from: 'regulator_rejected',
    to: 'pending_regulator_submission',
    event: 'resubmit',
    actors: ['applicant'],
    guard: 'precheck_passed',
    when: STRAIGHT_TO_REGULATOR,
  },
  { from: 'regulator_rejected', to: 'withdrawn', event: 'withdraw', actors: ['applicant'] },
  { from: 'regulator_rejected', to: 'expired', event: 'expire', actors: ['system'], guard: 'inactivity_limit_reached' },
];
