import { addMonths, chinaDate } from '../time';
import { invalid, valid, type Validation } from './result';

/** 长期: a certificate without an end date. */
export const VALIDITY_LONG_TERM = '长期';

export interface CertificateValidity {
  /** `YYYY-MM-DD` */
  start: string;
  /** `YYYY-MM-DD` or 长期 */
  end: string;
}

/** Certificates must still be valid three months after submission (DOMAIN.md §6). */
export const MIN_VALIDITY_MONTHS = 3;

function isIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function validateCertificateValidity(validity: CertificateValidity, options: { submitAt?: Date } = {}): Validation<CertificateValidity> {
  const start = validity.start.trim();
  const end = validity.end.trim();
  if (start === '' || end === '') return invalid('REQUIRED');
  if (!isIsoDate(start) || (end !== VALIDITY_LONG_TERM && !isIsoDate(end))) return invalid('VALIDITY_DATE_FORMAT');
  const today = chinaDate(options.submitAt ?? new Date());
  if (start > today) return invalid('VALIDITY_START_FUTURE');
  if (end !== VALIDITY_LONG_TERM) {
    if (end <= start) return invalid('VALIDITY_END_BEFORE_START');
    if (end < addMonths(today, MIN_VALIDITY_MONTHS)) return invalid('VALIDITY_TOO_SHORT');
  }
  return valid({ start, end });
}
