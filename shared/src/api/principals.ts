import { z } from 'zod/mini';

/**
 * Principals (负责人) and their face-video check. All routes under `/api`. One check per person (certificate
 * number) per order, reused for every service with the same principal.
 *
 * Applicant (order owner):
 *   `GET    /api/orders/:id/principals` → {@link PrincipalStatus}[] (one per distinct person in the draft)
 *   `POST   /api/orders/:id/principals/:path/invitations` → 201 {@link Invitation} (path like `websites.0.principal`)
 *   `DELETE /api/orders/:id/principals/invitations/:invitationId` → 204 (revoke)
 *   Self check (the subject principal = the account owner, on this phone), `:path` = `subjectPrincipal`:
 *   `POST   /api/orders/:id/principals/:path/consent` {@link ConsentRequest} → {@link ConsentRecord}
 *   `POST   /api/orders/:id/principals/:path/face-check/challenge` → {@link FaceChallenge}
 *   `POST   /api/orders/:id/principals/:path/face-check` {@link SubmitFaceCheckRequest} → {@link FaceCheckView}
 *   (ID photos / video via the normal upload flow with target = the path, kind certificate_front|certificate_back|face_video)
 *
 * Invited principal (their own WeChat/dev account; the token comes from the wxacode `scene` or the link):
 *   `GET  /api/invitations/:token` → {@link InvitationView} (logged in; before accepting shows only masked data)
 *   `POST /api/invitations/:token/accept` → {@link InvitationView} (binds the invitation to this account; a second
 *        account gets 409 INVITATION_TAKEN)
 *   `POST /api/invitations/:token/consent` {@link ConsentRequest} → {@link ConsentRecord}
 *   `POST /api/invitations/:token/uploads` (see materials.ts) → ticket; confirm via `/api/uploads/:id/confirm`
 *   `POST /api/invitations/:token/id-photos` {@link InvitationIdPhotoRequest} → {@link InvitationView} (a confirmed ID
 *        photo of this invitation becomes the order's material for every path of this person)
 *   `POST /api/invitations/:token/sms-code` → SendSmsCodeResponse (to the principal's mobile in the order; no mobile
 *        is taken from the caller)
 *   `POST /api/invitations/:token/sms-verify` {@link InvitationSmsVerifyRequest} → {@link InvitationView}
 *   `POST /api/invitations/:token/face-check/challenge` → {@link FaceChallenge} (403-ish 422 CONSENT_REQUIRED first)
 *   `POST /api/invitations/:token/face-check` {@link SubmitFaceCheckRequest} → {@link FaceCheckView}
 * Errors: INVITATION_NOT_FOUND (404, also revoked), INVITATION_EXPIRED (410), INVITATION_TAKEN (409),
 *   CONSENT_REQUIRED (422 path `consent`), FACE_CHALLENGE_EXPIRED (422 path `challengeId`), video errors on
 *   `<path>.face_video`.
 */
export const INVITATION_HOURS = 72;
export const FACE_CHALLENGE_MINUTES = 10;
/** Version of the biometric consent text below; the server records it with the time. */
export const BIOMETRIC_CONSENT_VERSION = '2026-11-01';
export const BIOMETRIC_CONSENT_TEXT =
  '为完成ICP备案核验，您同意我们收集您的人脸视频、证件照片，用于活体检测及与证件照片比对。' +
  '上述信息仅用于本次备案并加密保存，备案完成后按法规要求期限保存后删除。您可以拒绝，但将无法完成本次备案核验。';

export const PRINCIPAL_PATH_PATTERN = /^(subjectPrincipal|(websites|apps)\.\d{1,2}\.principal)$/;

export type FaceCheckStatus =
  /** Video accepted; the verifier (FaceID) is working on it. */
  | 'pending'
  /** Real verifier passed (liveness + comparison). */
  | 'passed'
  /** Embedded default: automatic checks passed, a reviewer confirms later. Counts as done for submission. */
  | 'pending_reviewer_confirmation'
  /** Verifier failed: the person may try again with a new challenge. */
  | 'failed'
  /** A reviewer rejected it: the person must record again. */
  | 'rejected';

export type InvitationStatus = 'open' | 'accepted' | 'revoked' | 'expired';

export interface Invitation {
  invitationId: string;
  /** Secret for the principal; put in the link / wxacode scene. */
  token: string;
  expiresAt: string;
  /** ≤ 32 characters, for `wxa/getwxacodeunlimit` (`scene`); the mini-program passes it as the token. */
  scene: string;
  /** H5 link (for a QR code or to share), e.g. `/principal/pages/invite/index?token=…`. */
  link: string;
  path: string;
  /** The invitation SMS went through the SMS port to this masked mobile (the invite fails when it does not). */
  smsSentTo: string;
}

export interface FaceCheckView {
  faceCheckId: string;
  status: FaceCheckStatus;
  /** Chinese reason when failed/rejected, what to do next. */
  reason: string | null;
  updatedAt: string;
}

export interface PrincipalStatus {
  /** Every draft path where this person is the principal. */
  paths: string[];
  nameMasked: string;
  certificateNumberMasked: string;
  faceCheck: FaceCheckView | null;
  invitation: { invitationId: string; status: InvitationStatus; expiresAt: string } | null;
  /** 变更: the approved record names this person already, so no new face check is needed. */
  inRecord: boolean;
}

export interface ConsentRecord {
  version: string;
  consentedAt: string;
}

export interface ConsentRequest {
  /** Must equal BIOMETRIC_CONSENT_VERSION (the text the person saw). */
  version: string;
}

export const consentRequestSchema = z.object({ version: z.string().check(z.minLength(1), z.maxLength(32)) });

export interface FaceChallenge {
  challengeId: string;
  /** 4–6 digits to read aloud while recording. */
  digits: string;
  expiresAt: string;
}

export interface SubmitFaceCheckRequest {
  challengeId: string;
  /** Confirmed upload of kind `face_video` for this principal. */
  videoFileId: string;
}

export const submitFaceCheckRequestSchema = z.object({
  challengeId: z.string().check(z.minLength(1), z.maxLength(64)),
  videoFileId: z.string().check(z.minLength(1), z.maxLength(64)),
});

/** What the invited principal sees: only what concerns them. */
export interface InvitationView {
  invitationId: string;
  status: InvitationStatus;
  expiresAt: string;
  /** Whether the calling account is the one bound to the invitation. */
  acceptedByMe: boolean;
  subjectName: string;
  /** e.g. 网站负责人 / 主体负责人 / APP负责人. */
  roleLabel: string;
  path: string;
  services: { type: 'website' | 'app'; name: string; domains: string[] }[];
  principal: { nameMasked: string; certificateNumberMasked: string; mobileMasked: string | null };
  consent: ConsentRecord | null;
  consentText: string;
  consentVersion: string;
  idPhotos: { front: boolean; back: boolean; backRequired: boolean };
  /** The principal proved their own mobile by SMS code for this order. */
  mobileVerified: boolean;
  faceCheck: FaceCheckView | null;
}

export interface InvitationIdPhotoRequest {
  /** A confirmed upload of kind certificate_front / certificate_back made through this invitation. */
  fileId: string;
}

export const invitationIdPhotoRequestSchema = z.object({ fileId: z.string().check(z.minLength(1), z.maxLength(64)) });

export interface InvitationSmsVerifyRequest {
  code: string;
}

export const invitationSmsVerifyRequestSchema = z.object({ code: z.string().check(z.regex(/^\d{6}$/, '请输入6位数字验证码')) });
