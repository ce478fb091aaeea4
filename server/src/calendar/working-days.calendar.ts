import { DAY_MS, chinaDate } from '@beian/shared';
import { isWorkday as libraryIsWorkday } from 'chinese-days';

export type DayOverrides = ReadonlyMap<string, 'workday' | 'holiday'>;

/**
 * Chinese working days: statutory holidays are off and 调休 make-up days (often a Saturday) are on, from
 * `chinese-days` (published State Council schedules, data to 2026), overridden by the admin's calendar rows.
 */
export class WorkingDays {
  constructor(private readonly overrides: DayOverrides) {}

  isWorkday(date: string): boolean {
    const override = this.overrides.get(date);
    return override === undefined ? libraryIsWorkday(date) : override === 'workday';
  }

  /** The same China time of day on the `n`-th working day after `from` (n = 0: `from` itself). */
  addWorkingDays(from: Date, n: number): Date {
    let at = from;
    for (let counted = 0; counted < n;) {
      at = new Date(at.getTime() + DAY_MS);
      if (this.isWorkday(chinaDate(at))) counted++;
    }
    return at;
  }

  /** Working days after `from`'s China date up to and including `to`'s (0 when `to` is not later). */
  workingDaysBetween(from: Date, to: Date): number {
    const end = chinaDate(to);
    let count = 0;
    for (let at = new Date(from.getTime() + DAY_MS); chinaDate(at) <= end; at = new Date(at.getTime() + DAY_MS)) {
      if (this.isWorkday(chinaDate(at))) count++;
    }
    return count;
  }
}
