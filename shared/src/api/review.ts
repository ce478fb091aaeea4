import { z } from 'zod/mini';
import type { SmsRecipientRole } from '../workflow/order-kinds.table';
import type { TimelineEntry } from './timeline';

/** Staff review console API (`/api/review/…`, role `reviewer`) and the regulator simulator (`/api/regulator-sim/…`). */

/** One reason of a 初审 rejection, shown to the applicant on its field. */
export interface OrderRejection {
  /** Draft path, e.g. `subject.name`, `websites.0.domains`; `null` for an order-level reason (unreachable). */
  path: string | null;
  kind: 'field' | 'unreachable';
  reason: string;
  suggestion: string;
}

export interface ReviewQueueItem {
  orderId: string;
  kind: string;
  kindLabel: string;
  subjectType: 'personal' | 'unit';
  subjectName: string;
  status: string;
  statusLabel: string;
  submittedAt: string;
  /** Submitted + 2 working days (初审 takes 1–2 working days). */
  dueAt: string;
  /** The order comes back after a rejection: the reviewer sees a diff. */
  resubmission: boolean;
  unreachableCalls: number;
  /** Who took this submission for 初审; from then on the applicant can no longer pull it back. */
  claim: ReviewClaim | null;
}

export interface ReviewClaim {
  reviewerId: string;
  reviewerName: string;
  claimedAt: string;
}

export interface CallLogEntry {
  id: number;
  outcome: 'answered' | 'unreachable';
  note: string | null;
  reviewerId: string;
  calledAt: string;
}

/** One changed leaf of the draft since the last review decision; personal values masked. */
export interface DraftChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface ReviewMaterial {
  kind: string;
  fileId: string;
  target: string;
}

/** A principal's face check; open its video through POST …/access with `{type: 'face_video', fileId: videoFileId}`. */
export interface ReviewFaceCheck {
  /** Confirm or reject it through POST /api/review/face-checks/:faceCheckId/confirm. */
  faceCheckId: string;
  /** The principal's draft path, e.g. `subjectPrincipal`, `websites.0.principal`. */
  path: string;
  status: string | null;
  score: number | null;
  reason: string | null;
  videoFileId: string | null;
  updatedAt: string;
}

export interface ReviewOrderDetail {
  orderId: string;
  kind: string;
  kindLabel: string;
  subjectType: 'personal' | 'unit';
  serviceType: 'website' | 'app';
  status: string;
  statusLabel: string;
  version: number;
  submittedAt: string | null;
  dueAt: string | null;
  claim: ReviewClaim | null;
  /** Every field, personal data masked; unmask one through POST …/access. */
  draft: Record<string, unknown>;
  materials: ReviewMaterial[];
  faceChecks: ReviewFaceCheck[];
  timeline: TimelineEntry[];
  calls: CallLogEntry[];
  /** "rejected: unreachable" is allowed (two unreachable calls at least 1 h apart in this round). */
  canRejectUnreachable: boolean;
  /** Reasons of the last rejection, if any. */
  lastRejections: OrderRejection[];
  /** Changes since the last review decision; `null` when the order was never reviewed. */
  changes: DraftChange[] | null;
  /** 变更备案 / 变更服务: what the order changes in the approved record; `null` for other kinds. */
  recordChanges: RecordChange[] | null;
}

/** One leaf the order changes in the approved record, with its Chinese label; personal values masked. */
export interface RecordChange extends DraftChange {
  label: string;
}

export const callLogRequestSchema = z.object({
  outcome: z.enum(['answered', 'unreachable']),
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type CallLogRequest = z.infer<typeof callLogRequestSchema>;

const fieldRejectionSchema = z.object({
  kind: z.literal('field'),
  path: z.string().check(z.minLength(1), z.maxLength(200)),
  reason: z.string().check(z.maxLength(500)),
  suggestion: z.string().check(z.maxLength(500)),
});
const unreachableRejectionSchema = z.object({
  kind: z.literal('unreachable'),
  reason: z.optional(z.string().check(z.maxLength(500))),
});

/** POST /api/review/orders/:id/reject: reasons per field (each with a suggestion), or "unreachable". */
export const rejectRequestSchema = z.object({
  reasons: z.array(z.discriminatedUnion('kind', [fieldRejectionSchema, unreachableRejectionSchema])).check(z.maxLength(100)),
});
export type RejectRequest = z.infer<typeof rejectRequestSchema>;

/** POST /api/review/face-checks/:faceCheckId/confirm: the reviewer's verdict on a video left for confirmation. */
export const confirmFaceCheckRequestSchema = z.object({
  ok: z.boolean(),
  reason: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type ConfirmFaceCheckRequest = z.infer<typeof confirmFaceCheckRequestSchema>;

/**
 * POST /api/review/orders/:id/access: a short-lived signed link to one personal value, material or face video;
 * every issue and every opening is written to the audit log with the reason.
 */
export const accessRequestSchema = z.object({
  target: z.discriminatedUnion('type', [
    z.object({ type: z.literal('field'), path: z.string().check(z.minLength(1), z.maxLength(200)) }),
    z.object({ type: z.literal('material'), fileId: z.string().check(z.minLength(1), z.maxLength(100)) }),
    z.object({ type: z.literal('face_video'), fileId: z.string().check(z.minLength(1), z.maxLength(100)) }),
  ]),
  reason: z.string().check(z.trim(), z.minLength(2), z.maxLength(200)),
});
export type AccessRequest = z.infer<typeof accessRequestSchema>;

export interface AccessLink {
  /** GET it (no login: the signature is the authority) before `expiresAt`. */
  url: string;
  expiresAt: string;
}

/** GET /api/review/access/:token for a field. Materials and videos answer with the file itself. */
export interface RevealedField {
  path: string;
  value: unknown;
}

/** POST /api/orders/:id/reopen-fields: the applicant unlocks more fields of a rejected order. */
export const reopenFieldsRequestSchema = z.object({
  paths: z.array(z.string().check(z.minLength(1), z.maxLength(200))).check(z.minLength(1), z.maxLength(50)),
});
export type ReopenFieldsRequest = z.infer<typeof reopenFieldsRequestSchema>;

export interface EditableFields {
  /** Paths the applicant may change now (rejected + reopened); `null` = everything. */
  paths: string[] | null;
}

/** POST /api/regulator-sim/sms-verify: imitates MIIT's verification form. */
export const smsVerifyRequestSchema = z.object({
  mobile: z.string().check(z.trim(), z.regex(/^1\d{10}$/)),
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/)),
  certLastSix: z.string().check(z.trim(), z.minLength(1), z.maxLength(12)),
});
export type SmsVerifyRequest = z.infer<typeof smsVerifyRequestSchema>;

export interface SmsVerifyResponse {
  verified: true;
  /** Another principal of the same submission has not verified yet: the form says so (SMS_VERIFY_TEXTS.othersPending). */
  othersPending: boolean;
}

/** POST /api/regulator-sim/sms/search: the verification SMS the simulated MIIT sent to a mobile, newest last. */
export interface SimulatedMiitSms {
  mobile: string;
  text: string;
  sentAt: string;
}
/** What MIIT's verification form answers and what the person does next (S001 86–91). */
export const SMS_VERIFY_TEXTS = {
  othersPending: '您已完成短信核验，但还需其他负责人完成核验。',
  /** A wrong entry, or a verification whose result has not reached the provider yet: MIIT cannot tell them apart. */
  notMatchedOrUnsynced: '您的短信核验信息填写有误，或核验结果还未同步至本平台，请耐心等待。',
  notMatchedNextStep: '请确认短信验证码、手机号码、证件号码后六位是否填写准确：需修改，请重新填写核验信息；无需修改，请耐心等待。',
  syncDelay: '核验结果同步至本平台还需要约 30~60 分钟，请耐心等待。',
} as const;

/** POST /api/regulator-sim/orders/:id/script: the 管局's decision for this order (simulator only). */
export const regulatorScriptRequestSchema = z.object({
  outcome: z.enum(['approve', 'reject', 'timeout']),
  afterWorkingDays: z.number().check(z.int(), z.minimum(0), z.maximum(60)),
  reasons: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(500))).check(z.maxLength(20))),
});
export type RegulatorScriptRequest = z.infer<typeof regulatorScriptRequestSchema>;

/** POST /api/dev/clock/advance (controllable clock + simulators only). */
export const clockAdvanceRequestSchema = z.object({ ms: z.number().check(z.int(), z.minimum(0), z.maximum(400 * 24 * 3600_000)) });
export type ClockAdvanceRequest = z.infer<typeof clockAdvanceRequestSchema>;

export interface ClockResponse {
  now: string;
}

/** PUT /api/admin/calendar/days (role admin; GET lists the rows): extends the working-day calendar past the library's data. */
export const calendarDayRequestSchema = z.object({
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  kind: z.enum(['workday', 'holiday']),
  note: z.optional(z.string().check(z.maxLength(100))),
});
export type CalendarDayRequest = z.infer<typeof calendarDayRequestSchema>;

export interface CalendarDay {
  date: string;
  kind: 'workday' | 'holiday';
  source: string;
  note: string | null;
}

export type { SmsRecipientRole };
