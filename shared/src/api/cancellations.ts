import { z } from 'zod/mini';

/**
 * 注销主体 / 注销服务 / 批量注销服务 / 取消接入 / 批量取消接入 on an approved filing. All routes under `/api`.
 *
 * `GET /api/filings/subjects/:id/cancellation` → {@link CancellationOptions}: which kinds apply (and why not), the
 *   services they can act on, and for a 空壳主体 the offline procedure.
 * The order is created by `POST /api/orders` {kind, subjectType, serviceType, subjectId}, then:
 * `PUT /api/orders/:id/cancellation` {@link CancellationSelection} → {@link CancellationView}
 * `POST /api/orders/:id/cancellation/codes` {@link SendAccountCodeRequest} → 201 {@link SendAccountCodeResponse}
 *   The code goes to the principal on record (subject principal for 注销主体 and the batches, the service's principal
 *   for one service), by SMS or e-mail. Limits as SMS_LIMITS, per address and per account → 429 CODE_TOO_FREQUENT.
 * `POST /api/orders/:id/cancellation/verify` {@link VerifyAccountCodeRequest} → {@link CancellationView}
 *   Wrong code → 422 field `code` (CODE_WRONG, then CODE_EXHAUSTED after 5 tries / CODE_EXPIRED).
 * `POST /api/orders/:id/submit` then takes it straight to the 管局 (no 初审); it cannot be withdrawn from there.
 * `POST /api/dev/mailbox/search` {@link MailLookupRequest} → {@link DevMailMessage}[] — simulators only.
 */
export const CODE_CHANNELS = { sms: '手机', email: '邮件' } as const;
export type CodeChannel = keyof typeof CODE_CHANNELS;
const channel = z.enum(['sms', 'email']);

export const CANCELLATION_KINDS = ['cancel_subject', 'cancel_service', 'cancel_services_batch', 'cancel_access', 'cancel_access_batch'] as const;
export type CancellationKind = (typeof CANCELLATION_KINDS)[number];

export function isCancellationKind(kind: string): kind is CancellationKind {
  return (CANCELLATION_KINDS as readonly string[]).includes(kind);
}

/** The sentence the applicant types before a 注销 (S003 3591: "输入声明后，单击确定"); 取消接入 has none. */
export function cancellationDeclaration(kind: CancellationKind, subjectName: string): string | null {
  if (kind === 'cancel_subject') return `确认注销主体${subjectName}`;
  if (kind === 'cancel_service' || kind === 'cancel_services_batch') return `确认注销${subjectName}的所选网站/APP`;
  return null;
}

/** The seed's notices (S003 3610–3620, 3768–3769, 3928, 3999). */
export const CANCELLATION_NOTICES = {
  notWithdrawable: '申请一旦提交至通信管局将无法撤回。如果您未进行短信核验操作，24小时后短信核验失败将会自动退回注销备案申请。',
  accessNotWithdrawable: '申请一旦提交至通信管局将无法撤回。',
  timing: '部分省份会立即注销成功，服务将不能访问。部分省份会在1 - 20个工作日内注销成功。',
  shellWarning: '如果您的主体下只有一个备案成功网站/APP，注销该网站/APP 会导致您的主体成为空壳主体，可能影响您后续重新进行备案，建议您直接选择注销主体。',
  noProvider: '若您的服务在办理取消接入后没有对应的接入商，管局可能会注销您的备案号，导致您的域名无法继续访问。',
  allAccessCancelled: '若您批量取消接入全部服务，取消接入后，您的主体同时在本平台注销。',
  notFiledHere: '说明您的备案未在本平台，请您联系对应服务商或管局注销主体',
  /** S003 3773, 3861, 3943, 4010. */
  verifyByPhoneOrMail: '您可选择手机或邮件进行验证',
} as const;

export interface CancellationAction {
  kind: CancellationKind;
  available: boolean;
  /** Why the kind does not apply now (空壳主体, an order in flight, no service left…). */
  reason: string | null;
}

export interface CancellableService {
  id: string;
  name: string;
  serviceType: 'website' | 'app';
  serviceIcpNumber: string;
}

/** Per-province data for the offline 注销 of a 空壳主体 (S003 3644–3744). */
export interface OfflineProvinceGuidance {
  provinceCode: string;
  province: string;
  /** 注销申请表 to download, when the 管局 publishes one. */
  formUrl?: string;
  note?: string;
  /** By post: what to send, where, and whom to call. */
  byPost?: { unit: string; person: string; address: string; phone: string };
}

export interface ShellGuidance {
  text: string;
  refile: string;
  unapprovedSuffix: string;
  noForm: string;
  formSearch: string;
  formSearchUrl: string;
  provinces: OfflineProvinceGuidance[];
  /** The subject's own province, when the seed lists it. */
  own: OfflineProvinceGuidance | null;
}

export interface CancellationOptions {
  subjectId: string;
  /** What `POST /api/orders` takes as `subjectType` for this subject. */
  subjectType: 'personal' | 'unit';
  subjectName: string;
  subjectIcpNumber: string;
  shell: boolean;
  actions: CancellationAction[];
  services: CancellableService[];
  shellGuidance: ShellGuidance | null;
}

export interface CancellationSelection {
  serviceIds: string[];
}
export const cancellationSelectionSchema = z.object({ serviceIds: z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(200)) });

export interface CodeRecipient {
  channel: CodeChannel;
  /** Masked; null when the principal on record has no such contact. */
  addressMasked: string | null;
}

export interface CancellationView {
  orderId: string;
  kind: CancellationKind;
  subjectName: string;
  subjectIcpNumber: string;
  services: CancellableService[];
  /** What the applicant must type (注销 only). */
  declaration: string | null;
  /** Chosen services are all the subject's active ones: 注销 makes a 空壳主体, 取消接入 removes the subject here. */
  coversAllServices: boolean;
  notices: string[];
  recipients: CodeRecipient[];
  verified: boolean;
}

export interface SendAccountCodeRequest {
  channel: CodeChannel;
}
export const sendAccountCodeRequestSchema = z.object({ channel });

export interface SendAccountCodeResponse {
  channel: CodeChannel;
  addressMasked: string;
  expiresAt: string;
  resendAt: string;
}

export interface VerifyAccountCodeRequest {
  channel: CodeChannel;
  code: string;
  /** The typed declaration (注销 only). */
  declaration?: string;
}
export const verifyAccountCodeRequestSchema = z.object({
  channel,
  code: z.string().check(z.regex(/^\d{6}$/)),
  declaration: z.optional(z.string().check(z.maxLength(200))),
});

export interface MailLookupRequest {
  email: string;
}
export const mailLookupRequestSchema = z.object({ email: z.string().check(z.minLength(3), z.maxLength(254)) });

export interface DevMailMessage {
  email: string;
  subject: string;
  content: string;
  code: string | null;
  sentAt: string;
}
