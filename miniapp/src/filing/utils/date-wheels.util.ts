import { addMonths, letterSigningWindow, VALIDITY_LONG_TERM } from '@beian/shared';

/** Where a date wheel opens while its field is empty, and the dates it offers (`YYYY-MM-DD`, both ends included). */
export interface DateWheel {
  opensOn: string;
  start?: string;
  end?: string;
}

/** A 居民身份证 issued at 16–25 runs 10 years, at 26–45 20 years, ending on the month and day it started (居民身份证法 第五条). */
const ADULT_ID_VALIDITY_YEARS = [10, 20] as const;
/** With nothing else to go on, a card in use opens halfway through a 10-year validity. */
const HALF_A_VALIDITY_YEARS = 5;

const yearsFrom = (date: string, years: number) => addMonths(date, 12 * years);

/** 证件有效期开始日期: not after today (the shared validator's VALIDITY_START_FUTURE); an end already chosen tells the start. */
export function validFromWheel(today: string, validTo: string): DateWheel {
  const fromEnd =
    validTo && validTo !== VALIDITY_LONG_TERM ? ADULT_ID_VALIDITY_YEARS.map((years) => yearsFrom(validTo, -years)).find((start) => start <= today) : undefined;
  return { opensOn: fromEnd ?? yearsFrom(today, -HALF_A_VALIDITY_YEARS), end: today };
}

/** 证件有效期结束日期: not before today (an expired card files nothing; 长期 has no end date); a start already chosen tells the end. */
export function validToWheel(today: string, validFrom: string): DateWheel {
  const fromStart = validFrom ? ADULT_ID_VALIDITY_YEARS.map((years) => yearsFrom(validFrom, years)).find((end) => end >= today) : undefined;
  return { opensOn: fromStart ?? yearsFrom(today, HALF_A_VALIDITY_YEARS), start: today };
}

/** 签署日期 of a 承诺书 or 授权书: the signing window the pre-check holds it to, opening on today (signed for this filing). */
export function signedAtWheel(today: string): DateWheel {
  const { earliest, latest } = letterSigningWindow(today);
  return { opensOn: latest, start: earliest, end: latest };
}
