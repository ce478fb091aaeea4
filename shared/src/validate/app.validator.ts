import { normalizeAddress } from './normalize';
import { invalid, valid, type Validation } from './result';

/**
 * APP package name / bundle ID: at least two dot-separated segments, each starting with a letter,
 * letters, digits and underscores (iOS bundle IDs may also use hyphens).
 */
export function validatePackageName(input: string): Validation {
  const name = normalizeAddress(input);
  if (name === '') return invalid('REQUIRED');
  return name.length <= 255 && /^[A-Za-z][\w-]*(?:\.[A-Za-z][\w-]*)+$/.test(name) ? valid(name) : invalid('PACKAGE_NAME_FORMAT');
}

const FINGERPRINT_HEX_LENGTH = { md5: 32, sha1: 40 } as const;

/** Signature fingerprint (Android MD5, Apple SHA-1) as hex, colons allowed; normalized to upper-case hex without separators. */
export function validateFingerprint(input: string, algo: 'md5' | 'sha1'): Validation {
  const raw = normalizeAddress(input);
  if (raw === '') return invalid('REQUIRED');
  const compact = raw.replace(/\s/g, '');
  const hex = compact.replace(/:/g, '').toUpperCase();
  if (/^[0-9A-Fa-f]{2}(?::?[0-9A-Fa-f]{2})*$/.test(compact) && hex.length === FINGERPRINT_HEX_LENGTH[algo]) return valid(hex);
  return invalid(algo === 'md5' ? 'FINGERPRINT_MD5_FORMAT' : 'FINGERPRINT_SHA1_FORMAT');
}
