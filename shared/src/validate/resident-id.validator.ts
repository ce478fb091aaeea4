import { provinceByCode } from '../catalog/provinces.catalog';
import { gb11643BirthDateProblem, gb11643CheckChar } from './gb11643';
import { normalizeCode } from './normalize';
import { invalid, valid, type Validation } from './result';

export interface DateOptions {
  /** "Now", for the birth-date and validity checks; defaults to the current time. */
  today?: Date;
}

/** 居民身份证 per GB 11643-1999 (DOMAIN.md §8); full-width digits and a lower-case x are accepted as typed. */
export function validateResidentId(input: string, options: DateOptions = {}): Validation {
  const id = normalizeCode(input);
  if (id === '') return invalid('REQUIRED');
  if (/^\d{15}$/.test(id)) return invalid('ID_LEGACY_15');
  if (id.length !== 18) return invalid('ID_LENGTH');
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('ID_FORMAT');
  if (!provinceByCode(id)) return invalid('ID_DIVISION');
  const birth = gb11643BirthDateProblem(id, options.today ?? new Date());
  if (birth === 'invalid') return invalid('ID_BIRTH_DATE');
  if (birth === 'future') return invalid('ID_BIRTH_FUTURE');
  if (gb11643CheckChar(id) !== id[17]) return invalid('ID_CHECKSUM');
  return valid(id);
}

/** 港澳台居民居住证: the GB 11643 rule with the division code 810000 (HK), 820000 (Macau) or 830000 (Taiwan). */
export function validateResidencePermit(input: string, options: DateOptions = {}): Validation {
  const id = normalizeCode(input);
  if (id === '') return invalid('REQUIRED');
  if (!/^\d{17}[\dX]$/.test(id)) return invalid('RESIDENCE_PERMIT_FORMAT');
  if (!/^8[123]0000/.test(id)) return invalid('RESIDENCE_PERMIT_PREFIX');
  if (gb11643BirthDateProblem(id, options.today ?? new Date())) return invalid('RESIDENCE_PERMIT_BIRTH_DATE');
  if (gb11643CheckChar(id) !== id[17]) return invalid('RESIDENCE_PERMIT_CHECKSUM');
  return valid(id);
}
