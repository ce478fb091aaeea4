/** The pages an applicant goes through; each order kind uses a subset (see ORDER_KINDS). */
export const ORDER_STEPS = {
  verify_type: { label: '验证备案类型' },
  subject: { label: '主体信息' },
  subject_principal: { label: '主体负责人' },
  services: { label: '互联网信息服务' },
  materials: { label: '上传材料' },
  face_check: { label: '视频核验' },
  review_submit: { label: '确认并提交' },
  notice: { label: '注意事项' },
  select_services: { label: '选择服务' },
  declaration: { label: '最终确认' },
  migration_target: { label: '迁入账号' },
  account_verification: { label: '身份验证并提交' },
} as const;

export type OrderStepKey = keyof typeof ORDER_STEPS;

/** `edit`: the applicant fills the page; `confirm`: the page shows filed data, mostly read-only. */
export type StepMode = 'edit' | 'confirm';

export interface OrderStepRef {
  key: OrderStepKey;
  mode: StepMode;
}

/** The steps on which the applicant fires `submit`. */
export const SUBMITTING_STEPS: readonly OrderStepKey[] = ['review_submit', 'account_verification'];
