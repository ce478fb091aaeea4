import { z } from 'zod/mini';
import { normalizeCode, normalizeDomain } from '../validate/normalize';

/**
 * 验证备案类型: the server decides the filing kind from what it knows (approved filings with us, the registry of
 * filings at other providers).
 *   `POST /api/filing-type/verify` {@link FilingTypeVerifyRequest} → {@link FilingTypeDecision}
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
});
export type FilingTypeVerifyRequest = z.infer<typeof filingTypeVerifyRequestSchema>;

export interface FilingTypeDecision {
  kind: DetectedKind;
  /** Why, in Chinese, for the applicant. */
  reason: string;
  /** The subject's ICP number when it is already filed (here or elsewhere). */
  subjectIcpNumber?: string;
}

export const registryFilingRequestSchema = z.object({
  certificateNumber: text(32),
  subjectIcpNumber: text(40),
  serviceType: z.optional(z.enum(['website', 'app'])),
  /** Domain or APP name of a service filed there, with its number. */
  service: z.optional(text(253)),
  serviceIcpNumber: z.optional(text(40)),
  provider: z.optional(text(64)),
});
export type RegistryFilingRequest = z.infer<typeof registryFilingRequestSchema>;
