/** China has one time zone, UTC+8, and no daylight saving. */
export const HOUR_MS = 3600_000;
export const DAY_MS = 24 * HOUR_MS;
const CHINA_OFFSET_MS = 8 * HOUR_MS;

/** Calendar date `YYYY-MM-DD` in China, whatever the machine's time zone. */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant of `hour`:00 China time on the China date of `at`. */
export function chinaHourOn(at: Date, hour: number): Date {
  return new Date(Date.parse(`${chinaDate(at)}T00:00:00Z`) - CHINA_OFFSET_MS + hour * HOUR_MS);
}

/** `2026-11-20 10:00` in China time, the way users read deadlines; an unreadable ISO string is shown as it came. */
export function formatChinaTime(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(instant.getTime())) return String(at);
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** `YYYY-MM-DD` when the date exists in the Gregorian calendar (Feb 29 only in leap years), else undefined. */
export function realDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Adds calendar months, clamping to the month's last day (Nov 30 + 3 months = Feb 28/29). */
export function addMonths(isoDate: string, months: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}
