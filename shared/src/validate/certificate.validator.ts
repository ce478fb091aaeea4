import { PERSON_CERTIFICATE_TYPES, UNIT_CERTIFICATE_TYPES } from '../catalog/certificate-types.catalog';
import { gb11643CheckChar } from './gb11643';
import { validateResidencePermit, validateResidentId, type DateOptions } from './resident-id.validator';
import { normalizeCode } from './normalize';
import { invalid, valid, type Validation } from './result';
import { validateUscc } from './uscc.validator';

/** Passports of any country: 5–17 letters or digits as printed (Chinese ones are E/G + 8 characters). */
export function validatePassport(input: string): Validation {
  const number = normalizeCode(input);
  if (number === '') return invalid('REQUIRED');
  return /^[A-Z0-9]{5,17}$/.test(number) ? valid(number) : invalid('PASSPORT_FORMAT');
}

/** 港澳居民来往内地通行证: H (Hong Kong) or M (Macau) + 8 digits, optionally + 2 digits of renewal count. */
export function validateHkMacauPermit(input: string): Validation {
  const number = normalizeCode(input);
  if (number === '') return invalid('REQUIRED');
  return /^[HM]\d{8}(?:\d{2})?$/.test(number) ? valid(number) : invalid('HK_MACAU_PERMIT_FORMAT');
}

/** 台湾居民来往大陆通行证: 8 digits. */
export function validateTaiwanPermit(input: string): Validation {
  const number = normalizeCode(input);
  if (number === '') return invalid('REQUIRED');
  return /^\d{8}$/.test(number) ? valid(number) : invalid('TAIWAN_PERMIT_FORMAT');
}

/** 外国人永久居留身份证: 2017 form 3 letters + 12 digits; 2023 form 18 characters starting with 9, GB 11643 check. */
export function validateForeignPermanentResidence(input: string): Validation {
  const number = normalizeCode(input);
  if (number === '') return invalid('REQUIRED');
  if (/^[A-Z]{3}\d{12}$/.test(number)) return valid(number);
  if (!/^9\d{16}[\dX]$/.test(number)) return invalid('FOREIGN_PR_FORMAT');
  return gb11643CheckChar(number) === number[17] ? valid(number) : invalid('FOREIGN_PR_CHECKSUM');
}

function validateFreeNumber(input: string): Validation {
  const number = normalizeCode(input);
  if (number === '') return invalid('REQUIRED');
  return /^[A-Z0-9()\-]{2,50}$/.test(number) ? valid(number) : invalid('CERTIFICATE_NUMBER_FORMAT');
}

function residencePermitOf(prefixes: readonly string[]) {
  return (input: string, options: DateOptions): Validation => {
    const result = validateResidencePermit(input, options);
    if (result.ok && !prefixes.some((prefix) => result.value.startsWith(prefix))) return invalid('RESIDENCE_PERMIT_PREFIX');
    return result;
  };
}

const PERSON_VALIDATORS: Record<(typeof PERSON_CERTIFICATE_TYPES)[number]['key'], (input: string, options: DateOptions) => Validation> = {
  resident_id: validateResidentId,
  passport: validatePassport,
  hk_macau_permit: validateHkMacauPermit,
  taiwan_permit: validateTaiwanPermit,
  foreign_permanent_residence: validateForeignPermanentResidence,
  hk_macau_residence_permit: residencePermitOf(['81', '82']),
  taiwan_residence_permit: residencePermitOf(['83']),
};

/** Certificate number for a person or unit certificate type key of the catalog. */
export function validateCertificateNumber(type: string, input: string, options: DateOptions = {}): Validation {
  const person = PERSON_CERTIFICATE_TYPES.find((entry) => entry.key === type);
  if (person) return PERSON_VALIDATORS[person.key](input, options);
  const unit = UNIT_CERTIFICATE_TYPES.find((entry) => entry.key === type);
  if (!unit) return invalid('CERTIFICATE_TYPE_UNKNOWN');
  return unit.numberFormat === 'uscc' ? validateUscc(input) : validateFreeNumber(input);
}

/**
 * What the MIIT SMS check asks for: the last six characters of the certificate number, letters and brackets
 * included (A1234567(8) → 567(8); A123456X → 23456X). Full-width brackets are shown as ASCII.
 */
export function lastSixForSms(certificateNumber: string): string {
  return normalizeCode(certificateNumber).slice(-6);
}
