import { addMonths } from '../time';

/** 授权书、承诺书 are signed within the three months before submission, and not after today (DOMAIN.md §6). */
export const LETTER_SIGNED_WITHIN_MONTHS = 3;

/** The dates a letter may carry as its 签署日期 on `today` (China date, `YYYY-MM-DD`), both ends included. */
export function letterSigningWindow(today: string): { earliest: string; latest: string } {
  return { earliest: addMonths(today, -LETTER_SIGNED_WITHIN_MONTHS), latest: today };
}
