import { normalizeAddress, normalizeCode, normalizeDomain, normalizeIcpNumber, normalizePhone } from '../validate/normalize';

/** Draft keys whose values are codes, numbers or addresses, with the form they are kept in (see validate/normalize). */
export const DRAFT_NORMALIZERS: Readonly<Record<string, (value: string) => string>> = {
  certificateNumber: normalizeCode,
  legalRepCertificateNumber: normalizeCode,
  holderCertificateNumber: normalizeCode,
  subjectIcpNumber: normalizeIcpNumber,
  icpNumber: normalizeIcpNumber,
  mobile: normalizePhone,
  phone2: normalizePhone,
  emergencyPhone: normalizePhone,
  email: normalizeAddress,
  homeUrl: normalizeAddress,
  packageName: normalizeAddress,
  domains: normalizeDomain,
  domain: normalizeDomain,
};

/**
 * A draft field's value as it is kept: the mini-program applies it as the user types, the server's draft schema on
 * save, so both hold and check the same value. `websites.0.domains.1` is normalised as a domain.
 */
export function normalizeDraftField(path: string, value: string): string {
  const key = path
    .split('.')
    .filter((part) => !/^\d+$/.test(part))
    .at(-1);
  const normalize = key ? DRAFT_NORMALIZERS[key] : undefined;
  return normalize ? normalize(value) : value;
}
