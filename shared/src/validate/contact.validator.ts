import { areaCodeEntry } from '../catalog/area-codes.catalog';
import { normalizeAddress, normalizePhone } from './normalize';
import { invalid, valid, type Validation } from './result';

export interface LandlineOptions {
  /** GB/T 2260 city or district code of the address the number must be local to. */
  cityCode?: string;
}

// Three-digit area codes are 010 and 02x; all others have four digits starting 03–09.
const LANDLINE = /^(010|02\d|0[3-9]\d{2})-?([2-9]\d{6,7})(?:(?:-|转|ext\.?)(\d{1,6}))?$/i;

/** Landline with its area code, normalized to `0571-88888888` (or `…-123` with an extension). */
export function validateLandline(input: string, options: LandlineOptions = {}): Validation {
  const compact = normalizePhone(input)
    .replace(/[()]/g, '')
    .replace(/^(?:\+86|0086)-?/, '0');
  if (compact === '') return invalid('REQUIRED');
  const match = LANDLINE.exec(compact);
  if (!match) return invalid(/^0(?:0|1[1-9])/.test(compact) ? 'LANDLINE_AREA_CODE_UNKNOWN' : 'LANDLINE_FORMAT');
  const [, areaCode = '', number = '', extension] = match;
  const entry = areaCodeEntry(areaCode);
  if (entry && options.cityCode && !entry.regions.some((prefix) => options.cityCode?.startsWith(prefix))) {
    return invalid('LANDLINE_AREA_CODE_MISMATCH');
  }
  return valid(`${areaCode}-${number}${extension ? `-${extension}` : ''}`);
}

const EMAIL = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;

/** Email address; the domain part is lower-cased. */
export function validateEmail(input: string): Validation {
  const email = normalizeAddress(input);
  if (email === '') return invalid('REQUIRED');
  if (!EMAIL.test(email) || email.length > 254 || /^\.|\.\.|\.@/.test(email)) return invalid('EMAIL_FORMAT');
  const at = email.lastIndexOf('@');
  return valid(email.slice(0, at) + email.slice(at).toLowerCase());
}

/** Mainland mobile: 11 digits starting with 1[3-9]; spaces, dashes and a +86 prefix are dropped. */
export function validateMobile(input: string): Validation {
  const compact = normalizePhone(input).replace(/-/g, '');
  if (compact === '') return invalid('REQUIRED');
  const mobile = compact.replace(/^(?:\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(mobile) ? valid(mobile) : invalid('MOBILE_FORMAT');
}
