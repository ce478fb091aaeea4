import type { CatalogSource } from '../catalog/catalog-source';

export type TimingUnit = 'minutes' | 'hours' | 'days' | 'working_days' | 'hour_of_day' | 'attempts';

export interface WorkflowTiming extends CatalogSource {
  value: number;
  unit: TimingUnit;
  note: string;
}

const TENCENT: CatalogSource = { source: '腾讯云 ICP 备案操作指引（小程序端）·首次备案', date: '2025-06-27' };
const JDCLOUD: CatalogSource = { source: '京东云 ICP 备案流程记录（工信部短信核验、管局审核）', date: '2025-03-24' };
const DOMAIN: CatalogSource = { source: 'DOMAIN.md §4 After submission', date: '2026-11-22' };
const UCLOUD: CatalogSource = { source: 'UCloud 公安联网备案数据码获取与使用指引', date: '2026-01-21' };

function timing(value: number, unit: TimingUnit, note: string, origin: CatalogSource): WorkflowTiming {
  return { value, unit, note, source: origin.source, date: origin.date };
}

/** The clocks of the after-submission workflow; jobs and the regulator simulator read them from here. */
export const WORKFLOW_TIMINGS = {
  INITIAL_REVIEW_MIN: timing(1, 'working_days', '初审最短用时', TENCENT),
  INITIAL_REVIEW_MAX: timing(2, 'working_days', '初审最长用时', TENCENT),
  REVIEWER_SECOND_CALL_AFTER: timing(60, 'minutes', '首次未接通后约 1 小时再次致电，仍未接通则驳回', TENCENT),
  SMS_SENT_AFTER_SUBMISSION: timing(5, 'minutes', '提交管局后约 5 分钟工信部发送核验短信', DOMAIN),
  SMS_VALIDITY: timing(24, 'hours', '核验短信有效期', JDCLOUD),
  SMS_RESEND_HOUR_NEXT_DAY: timing(12, 'hour_of_day', '未核验的，工信部在次日 12 点重发一次；之后仍未核验则退回接入商', DOMAIN),
  SMS_RESENDS: timing(1, 'attempts', '工信部自动重发核验短信的次数', DOMAIN),
  SMS_MAX_WRONG_ATTEMPTS: timing(5, 'attempts', '验证码累计可错 5 次，第 6 次错误即核验失败', DOMAIN),
  SMS_RESULT_DELAY_MIN: timing(30, 'minutes', '核验结果同步到接入商的最短延迟', JDCLOUD),
  SMS_RESULT_DELAY_MAX: timing(60, 'minutes', '核验结果同步到接入商的最长延迟', JDCLOUD),
  REGULATOR_REVIEW_MIN: timing(1, 'working_days', '管局审核最短用时（法定节假日和调休补班日按工作日历计算）', JDCLOUD),
  REGULATOR_REVIEW_MAX: timing(20, 'working_days', '管局审核最长用时', JDCLOUD),
  INACTIVITY_EXPIRY: timing(45, 'days', '等待用户处理满 45 天订单失效，数据保留', DOMAIN),
  PUBLIC_SECURITY_FILING_WINDOW: timing(30, 'days', '网站开通后 30 日内完成公安联网备案', UCLOUD),
  PUBLIC_SECURITY_DATA_CODE_VALIDITY: timing(30, 'days', '公安联网备案数据码有效期', UCLOUD),
} as const satisfies Record<string, WorkflowTiming>;

/** Days of inactivity after which the user is reminded that the order expires at 45 days. */
export const INACTIVITY_REMINDERS: { days: readonly number[] } & CatalogSource = { days: [7, 15, 30], ...DOMAIN };
