import { z } from 'zod/mini';

/**
 * Mobile verification by SMS code. All routes under `/api`.
 *
 * `POST /api/sms/codes` {@link SendSmsCodeRequest} → 201 {@link SendSmsCodeResponse}
 *   Limits: one code per mobile per 60 s, 10 per day per mobile and 10 per day per account → 429 SMS_TOO_FREQUENT
 *   (`details.retryAfterSeconds`), field path `mobile`. 6 digits, valid 5 minutes, 5 tries.
 * `POST /api/sms/verify` {@link VerifySmsCodeRequest} → {@link SmsVerification}
 *   Wrong code → 422 with field `code` (SMS_CODE_WRONG, then SMS_CODE_EXHAUSTED after 5 tries / SMS_CODE_EXPIRED).
 *   The verification is recorded for (orderId, path, mobile): the draft references it implicitly — submission
 *   requires that every principal mobile in the draft has a verification for that path and that exact number.
 * `POST /api/dev/sms-outbox/search` {@link MobileLookupRequest} → {@link DevSmsMessage}[] — only when simulators are
 *   enabled (embedded SMS default). The mobile travels in the body, not the URL (URLs are logged). The older
 *   `GET /api/dev/sms-outbox?mobile=` still answers for the browser tests; its query is redacted in the logs.
 */
/** `principal_mobile`: a principal's mobile in a draft; `code_grant`: the first 服务码 grant to an account; `account_mobile`: the account's bound mobile (我的账号). */
export const SMS_PURPOSES = ['principal_mobile', 'code_grant', 'account_mobile'] as const;
export type SmsPurpose = (typeof SMS_PURPOSES)[number];

export const SMS_LIMITS = {
  resendSeconds: 60,
  perMobilePerDay: 10,
  perAccountPerDay: 10,
  codeMinutes: 5,
  maxTries: 5,
} as const;

const mobile = z.string().check(z.regex(/^1\d{10}$/));
/** Principal paths whose mobile is verified. */
const principalPath = z.string().check(z.regex(/^(subjectPrincipal|(websites|apps)\.\d{1,2}\.principal)$/));

export interface SendSmsCodeRequest {
  mobile: string;
  purpose: SmsPurpose;
}

export const sendSmsCodeRequestSchema = z.object({ mobile, purpose: z.enum(SMS_PURPOSES) });

export interface SendSmsCodeResponse {
  mobileMasked: string;
  expiresAt: string;
  /** The client keeps the resend button disabled until then. */
  resendAt: string;
  /** The same wait in seconds, counted from the server's clock: the countdown does not trust the device clock. */
  resendInSeconds: number;
}

export interface VerifySmsCodeRequest {
  mobile: string;
  code: string;
  orderId: string;
  /** e.g. `subjectPrincipal`, `websites.0.principal`. */
  path: string;
}

export const verifySmsCodeRequestSchema = z.object({
  mobile,
  code: z.string().check(z.regex(/^\d{6}$/)),
  orderId: z.string().check(z.minLength(1), z.maxLength(64)),
  path: principalPath,
});

export interface SmsVerification {
  verificationId: string;
  orderId: string;
  path: string;
  mobileMasked: string;
  verifiedAt: string;
}

/** GET /api/orders/:id/mobile-verifications → the verified (path, mobile) pairs of the order. */
export type OrderMobileVerificationsResponse = SmsVerification[];

/** A mobile to look up, in a request body (personal data never goes in a URL); without it, every mobile. */
export interface MobileLookupRequest {
  mobile?: string;
}

export const mobileLookupRequestSchema = z.object({ mobile: z.optional(mobile) });

export interface DevSmsMessage {
  mobile: string;
  content: string;
  code: string | null;
  sentAt: string;
}
