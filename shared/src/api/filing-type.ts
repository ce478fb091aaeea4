import { z } from 'zod/mini';
import { normalizeCode, normalizeDomain } from '../validate/normalize';

/**
 * 验证备案类型: the server decides the filing kind from what it knows (approved filings with us, the registry of
 * filings at other providers).
 *   `POST /api/filing-type/verify` {@link FilingTypeVerifyRequest} → {@link FilingTypeDecision}
 *   (a named `authorizationCode` must be one the caller may file with: 422 on that field otherwise);
 *   `POST /api/orders` with `verification` creates the order with the decided kind; a different `kind` is refused
 *   (422, field `kind`, FILING_KIND_MISMATCH).
 * Simulator only (tests, demos): `POST /api/regulator-sim/registry` {@link RegistryFilingRequest} adds a subject
 * and/or service filed at another provider.
 */
export const DETECTED_KINDS = ['first_filing', 'add_service_local', 'add_service_remote', 'access_filing'] as const;
export type DetectedKind = (typeof DETECTED_KINDS)[number];

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const filingTypeVerifyRequestSchema = z.object({
  regionCode: z.string().check(z.regex(/^\d{2,6}$/)),
  subjectNature: text(32),
  certificateType: text(32),
  certificateNumber: text(32).check(z.overwrite(normalizeCode)),
  subjectName: text(128),
  serviceType: z.enum(['website', 'app']),
  domain: z.optional(text(253).check(z.overwrite(normalizeDomain))),
  appName: z.optional(text(64)),
  /** 备案云服务 as a 备案授权码 another account generated (S002 L18): checked with the type, refused on this field. */
  authorizationCode: z.optional(text(64).check(z.overwrite((value) => value.toUpperCase()))),
});
export type FilingTypeVerifyRequest = z.infer<typeof filingTypeVerifyRequestSchema>;

/**
 * `new_order`: create an order of `kind`. No order can start when the service is `already_filed` by this subject
 * (它在「我的备案」), `filed_by_other` (another subject holds it: "该备案非您本人提交", S003 4201–4203), or the
 * subject is filed with us under `other_account`.
 */
/** S003 4201–4203: a service someone else filed is not 接入; its holder cancels it first. */
export const FILED_BY_OTHER_MESSAGE =
  '已存在他人的备案信息，该备案非您本人提交，您可以先线下注销原备案后再提交备案：请原备案主体向备案所在地的通信管理局申请注销；如您的信息被他人冒用，请联系当地通信管理局。';

export const FILING_TYPE_OUTCOMES = ['new_order', 'already_filed', 'filed_by_other', 'other_account'] as const;
export type FilingTypeOutcome = (typeof FILING_TYPE_OUTCOMES)[number];

export interface FilingTypeDecision {
  outcome: FilingTypeOutcome;
  /** The kind to create the order with; only for `new_order`. */
  kind?: DetectedKind;
  /** Why and what to do, in Chinese, for the applicant. */
  reason: string;
  /** The subject's ICP number when it is already filed (here or elsewhere): pre-fills `subject.subjectIcpNumber`. */
  subjectIcpNumber?: string;
  /** The service's number when it is already filed: pre-fills `websites[0].icpNumber` / `apps[0].icpNumber` (接入备案). */
  serviceIcpNumber?: string;
  /** The caller's subject in 我的备案: 新增服务（本平台）starts from it, `already_filed` points to it. */
  subjectId?: string;
}

export const registryFilingRequestSchema = z.object({
  certificateNumber: text(32).check(z.overwrite(normalizeCode)),
  subjectIcpNumber: text(40),
  /** 主办单位名称 and 性质 key shown by the public query (备案查询). */
  subjectName: z.optional(text(128)),
  subjectNature: z.optional(text(32)),
  serviceType: z.optional(z.enum(['website', 'app'])),
  /** Domain or APP name of a service filed there, with its number. */
  service: z.optional(text(253)),
  serviceIcpNumber: z.optional(text(40)),
  serviceName: z.optional(text(128)),
  provider: z.optional(text(64)),
});
export type RegistryFilingRequest = z.infer<typeof registryFilingRequestSchema>;
