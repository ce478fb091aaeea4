import type { ProgressMessageType } from './progress-messages.table';

/**
 * Channels that carry progress messages to the applicant's contact besides the message centre and WeChat: the seeds
 * send results "以短信和邮件的形式" (seeds/003). Each is on until the user turns it off (我的消息 → 通知方式).
 */
export const RESULT_CHANNELS = { sms: '短信通知', email: '邮件通知' } as const;
export type ResultChannel = keyof typeof RESULT_CHANNELS;
export const RESULT_CHANNEL_KEYS = Object.keys(RESULT_CHANNELS) as ResultChannel[];

export interface ResultTemplate {
  /** The SMS text; the signature 【备案】 is part of it. */
  sms: string;
  emailSubject: string;
  /** The e-mail's opening line; the message body, the order and how to see it follow. */
  emailLead: string;
}

/** Placeholders: {order} the order number, {body} the message body (reasons, numbers, next step), {status}. */
export const RESULT_TEMPLATES = {
  submitted: {
    sms: '【备案】您的备案申请（订单{order}）已提交，当前状态：{status}。',
    emailSubject: '【备案】备案申请已提交',
    emailLead: '您的备案申请已提交。',
  },
  initial_review_passed: {
    sms: '【备案】您的备案订单{order}初审已通过，请留意后续工信部短信核验。',
    emailSubject: '【备案】初审已通过',
    emailLead: '您的备案订单初审已通过。',
  },
  initial_review_rejected: {
    sms: '【备案】您的备案订单{order}初审未通过。{body}',
    emailSubject: '【备案】初审未通过，请修改后重新提交',
    emailLead: '很抱歉，您的备案订单初审未通过，请按以下原因修改后重新提交。',
  },
  resource_lapsed: {
    sms: '【备案】您的备案订单{order}使用的云资源不再满足备案条件，订单已退回，请更换资源后重新提交。{body}',
    emailSubject: '【备案】云资源不再满足备案条件，订单已退回',
    emailLead: '您的备案订单使用的云资源（实例）已到期、退费或不再满足备案条件，订单已退回（并非审核驳回），请按以下原因更换资源后重新提交。',
  },
  sms_verification_required: {
    sms: '【备案】您的备案订单{order}已提交至工信部，请完成工信部短信核验。{body}',
    emailSubject: '【备案】请完成工信部短信核验',
    emailLead: '您的备案订单已提交至工信部，请相关负责人按工信部短信完成核验。',
  },
  sms_verification_timed_out: {
    sms: '【备案】您的备案订单{order}工信部短信核验已超时。{body}',
    emailSubject: '【备案】工信部短信核验已超时',
    emailLead: '您的备案订单的工信部短信核验已超时。',
  },
  sms_verification_failed: {
    sms: '【备案】您的备案订单{order}工信部短信核验失败。{body}',
    emailSubject: '【备案】工信部短信核验失败',
    emailLead: '您的备案订单的工信部短信核验失败。',
  },
  regulator_approved: {
    sms: '【备案】恭喜，您的备案订单{order}管局审核已通过。{body}',
    emailSubject: '【备案】管局审核已通过',
    emailLead: '恭喜，您的备案订单管局审核已通过。',
  },
  regulator_rejected: {
    sms: '【备案】您的备案订单{order}管局审核未通过。{body}',
    emailSubject: '【备案】管局审核未通过，请修改后重新提交',
    emailLead: '很抱歉，您的备案订单管局审核未通过，请按以下原因修改后重新提交。',
  },
  order_expiring: {
    sms: '【备案】您的备案订单{order}即将失效，请尽快处理。{body}',
    emailSubject: '【备案】备案订单即将失效，请尽快处理',
    emailLead: '您的备案订单长时间未处理，即将失效。',
  },
  order_expired: {
    sms: '【备案】您的备案订单{order}已失效。{body}',
    emailSubject: '【备案】备案订单已失效',
    emailLead: '您的备案订单已失效。',
  },
  public_security_filing_due: {
    sms: '【备案】请在网站或APP开通后30日内完成公安联网备案。{body}',
    emailSubject: '【备案】请完成公安联网备案',
    emailLead: '请在网站或APP开通后 30 日内完成公安联网备案。',
  },
  face_check_waiting: {
    sms: '【备案】您的备案订单{order}有负责人需完成视频核验。{body}',
    emailSubject: '【备案】请完成视频核验',
    emailLead: '您的备案订单有负责人需要完成视频核验。',
  },
  face_check_done: {
    sms: '【备案】您的备案订单{order}负责人已完成视频核验。{body}',
    emailSubject: '【备案】负责人已完成视频核验',
    emailLead: '您的备案订单的负责人已完成视频核验。',
  },
  account_migrated_out: {
    sms: '【备案】您的备案主体已迁出本账号（订单{order}）。{body}',
    emailSubject: '【备案】备案主体已迁出本账号',
    emailLead: '您办理的迁移备案账号已完成，备案主体已迁出本账号。',
  },
  account_migrated_in: {
    sms: '【备案】有备案主体迁入您的账号。{body}',
    emailSubject: '【备案】备案主体已迁入本账号',
    emailLead: '有备案主体通过迁移备案账号迁入了您的账号。',
  },
} as const satisfies Record<ProgressMessageType, ResultTemplate>;

export interface ResultTemplateValues {
  order: string;
  body: string;
  status: string;
}

/** The template with its placeholders filled in (the body on one line for SMS). */
export function fillResultTemplate(template: string, values: ResultTemplateValues): string {
  return template.replace(/\{(order|body|status)\}/g, (_, key: keyof ResultTemplateValues) => values[key]);
}
