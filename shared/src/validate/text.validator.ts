import { invalid, valid, type Validation } from './result';

/**
 * A remark that describes the real content: 20–200 characters is a good default (DOMAIN.md §6). Only the maximum
 * is a field rule; a short remark is the pre-check's warning, or its error where a bureau requires the length.
 */
export const REMARK_LENGTH = { min: 20, max: 200 } as const;

export function validateRemark(input: string): Validation {
  const remark = input.trim();
  if (remark === '') return invalid('REQUIRED');
  if (Array.from(remark).length > REMARK_LENGTH.max) return invalid('REMARK_TOO_LONG');
  return valid(remark);
}
