import { chinaDate, realDate } from '../time';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits. */
export function gb11643CheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

export type BirthDateProblem = 'invalid' | 'future' | undefined;

/** Checks the YYYYMMDD birth date at positions 7–14 of an 18-character number. */
export function gb11643BirthDateProblem(number: string, today: Date): BirthDateProblem {
  const date = realDate(Number(number.slice(6, 10)), Number(number.slice(10, 12)), Number(number.slice(12, 14)));
  if (!date) return 'invalid';
  return date > chinaDate(today) ? 'future' : undefined;
}
