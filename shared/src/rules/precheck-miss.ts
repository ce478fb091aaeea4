import { fieldLabel } from '../schemas/field-labels';

/** Where a rejected field sits, as the rule areas of the pre-check name it. */
export function rejectionArea(path: string): string {
  const [section, , part] = path.split('.');
  if (section === 'websites') return part === 'principal' ? '网站负责人' : '网站';
  if (section === 'apps') return part === 'principal' ? 'APP负责人' : 'APP';
  return section ? fieldLabel(section) : '订单';
}

/** True when the pre-check said something (error or warning) on the field, on a part of it, or on what contains it. */
export function precheckFlagged(path: string, flagged: readonly { path: string }[]): boolean {
  return flagged.some((f) => f.path !== '' && (f.path === path || f.path.startsWith(`${path}.`) || path.startsWith(`${f.path}.`)));
}

const MASK = '＊＊＊';

/**
 * A reviewer's text without the applicant's personal values: every value of the order (names, numbers, addresses,
 * phones, e-mails) and anything shaped like a number, a phone or an e-mail address is masked.
 */
export function anonymiseReviewText(text: string, personalValues: readonly string[]): string {
  const known = [...new Set(personalValues.map((value) => value.trim()).filter((value) => value.length >= 2))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const value of known) out = out.split(value).join(MASK);
  return out.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, MASK).replace(/[0-9０-９][0-9０-９\s-]{4,}[0-9０-９Xx]/g, MASK);
}
