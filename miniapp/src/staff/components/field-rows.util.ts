import { fieldValueText } from '@beian/shared';
import { regionPath } from '@beian/shared/regions';

/** One row of the review console: a draft path and its value as text. */
export interface FieldRow {
  path: string;
  text: string;
}

/** Sections shown elsewhere in the console (materials have their own list). */
const SKIPPED_SECTIONS = new Set(['materials']);

/** A value of the draft at `path` as the reviewer reads it: labels for catalog keys, region names. */
export function displayValue(path: string, value: unknown): string {
  return fieldValueText(path, value, (code) => regionPath(code).join(' ') || code);
}

function isPrimitive(value: unknown): boolean {
  return value === null || typeof value !== 'object';
}

/**
 * Every field of a draft as rows; a list of plain values (`websites.0.domains`) is one field, as the reviewer
 * rejects it as a whole.
 */
export function fieldRows(tree: unknown, prefix = ''): FieldRow[] {
  if (isPrimitive(tree) || (Array.isArray(tree) && tree.every(isPrimitive))) {
    return prefix ? [{ path: prefix, text: displayValue(prefix, tree) }] : [];
  }
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    prefix || !SKIPPED_SECTIONS.has(key) ? fieldRows(value, prefix ? `${prefix}.${key}` : key) : [],
  );
}

/** Masked personal values (`138****8000`, `110***********002X`) can be opened through an audited link. */
export function isMasked(text: string): boolean {
  return text.includes('*');
}
