import type { WorkflowActor } from './workflow-actors';
import { isTableKey } from './table-key';

/**
 * What the applicant may change in a state: `all` of the order, only the `rejected_fields`
 * (other fields stay locked unless reopened one by one), only `materials` (fixable during 初审), or `none`.
 */
export type ApplicantEditScope = 'all' | 'rejected_fields' | 'materials' | 'none';

export interface OrderStateDefinition {
  label: string;
  /** What happens next, written for the applicant. */
  nextStep: string;
  /** Whose move it is; `null` for terminal states. */
  waitingOn: WorkflowActor | null;
  terminal: boolean;
  applicantEdit: ApplicantEditScope;
  /** Waiting for the user here counts towards the 45-day expiry (with reminders at 7/15/30 days). */
  expiresWhenInactive: boolean;
}

export const ORDER_STATES = {
  draft: {
    label: '填写中',
    nextStep: '请完善备案信息后提交。提交后审核专员将在 1–2 个工作日内完成初审。',
    waitingOn: 'applicant',
    terminal: false,
    applicantEdit: 'all',
    expiresWhenInactive: true,
  },
  pending_initial_review: {
    label: '待初审',
    nextStep: '审核专员将在 1–2 个工作日内完成初审，并会致电核实信息，请保持电话畅通。首次未接通会在约 1 小时后再次致电，两次均未接通订单将被驳回。',
    waitingOn: 'reviewer',
    terminal: false,
    applicantEdit: 'materials',
    expiresWhenInactive: false,
  },
  initial_review_rejected: {
    label: '初审驳回',
    nextStep: '请按驳回原因修改标注的内容后重新提交。45 天内未重新提交，订单将失效。',
    waitingOn: 'applicant',
    terminal: false,
    applicantEdit: 'rejected_fields',
    expiresWhenInactive: true,
  },
  resource_returned: {
    label: '资源失效退回',
    nextStep:
      '备案使用的云资源（实例）已到期、退费或不再满足备案条件，订单已退回，并非审核驳回。请按提示续费，或改选本账号下满足备案条件的实例后重新提交。45 天内未重新提交，订单将失效。',
    waitingOn: 'applicant',
    terminal: false,
    applicantEdit: 'rejected_fields',
    expiresWhenInactive: true,
  },
  pending_regulator_submission: {
    label: '待提交管局',
    nextStep: '系统正在将申请提交至管局，无需操作，请留意后续通知。',
    waitingOn: 'system',
    terminal: false,
    applicantEdit: 'none',
    expiresWhenInactive: false,
  },
  sms_verification: {
    label: '待工信部短信核验',
    nextStep:
      '工信部已向负责人手机发送核验短信。请负责人在 24 小时内打开短信中的链接，填写 6 位验证码、手机号码和证件号码后六位完成核验；未完成的，工信部会在次日 12 点重发一次。',
    waitingOn: 'principal',
    terminal: false,
    applicantEdit: 'none',
    expiresWhenInactive: false,
  },
  sms_verification_failed: {
    label: '短信核验未通过',
    nextStep: '短信核验超时或失败，订单已退回。请核对负责人手机号码等信息后重新提交。',
    waitingOn: 'applicant',
    terminal: false,
    applicantEdit: 'all',
    expiresWhenInactive: true,
  },
  regulator_review: {
    label: '管局审核中',
    nextStep: '申请已提交至管局审核，一般需要 1–20 个工作日，审核结果将通过消息通知您。',
    waitingOn: 'regulator',
    terminal: false,
    applicantEdit: 'none',
    expiresWhenInactive: false,
  },
  regulator_rejected: {
    label: '管局驳回',
    nextStep: '管局审核未通过，请按驳回原因修改后重新提交。45 天内未重新提交，订单将失效。',
    waitingOn: 'applicant',
    terminal: false,
    applicantEdit: 'all',
    expiresWhenInactive: true,
  },
  approved: {
    label: '已通过',
    nextStep: '申请已通过。',
    waitingOn: null,
    terminal: true,
    applicantEdit: 'none',
    expiresWhenInactive: false,
  },
  withdrawn: {
    label: '已撤销',
    nextStep: '订单已撤销。如需办理，请重新发起申请。',
    waitingOn: null,
    terminal: true,
    applicantEdit: 'none',
    expiresWhenInactive: false,
  },
  expired: {
    label: '已失效',
    nextStep: '订单超过 45 天未处理已失效，已填写的信息仍保留，可据此重新发起申请。',
    waitingOn: null,
    terminal: true,
    applicantEdit: 'none',
    expiresWhenInactive: false,
  },
} as const satisfies Record<string, OrderStateDefinition>;

export type OrderState = keyof typeof ORDER_STATES;

export const ORDER_STATE_KEYS = Object.keys(ORDER_STATES) as OrderState[];

export const INITIAL_ORDER_STATE: OrderState = 'draft';

export function isOrderState(value: string): value is OrderState {
  return isTableKey(ORDER_STATES, value);
}
