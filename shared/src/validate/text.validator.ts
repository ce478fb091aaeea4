import { invalid, valid, type Validation } from './result';

/** A remark that describes the real content: 20–200 characters is what reviewers accept (DOMAIN.md §6). */
export const REMARK_LENGTH = { min: 20, max: 200 } as const;

export function validateRemark(input: string): Validation {
  const remark = input.trim();
  if (remark === '') return invalid('REQUIRED');
  const length = Array.from(remark).length;
  if (length < REMARK_LENGTH.min) return invalid('REMARK_TOO_SHORT');
  if (length > REMARK_LENGTH.max) return invalid('REMARK_TOO_LONG');
  return valid(remark);
}
