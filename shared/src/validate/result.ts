import type { ValidationCode } from './codes';

export type Validation<T = string> = { ok: true; value: T } | { ok: false; code: ValidationCode };

export function valid<T>(value: T): Validation<T> {
  return { ok: true, value };
}

export function invalid<T = string>(code: ValidationCode): Validation<T> {
  return { ok: false, code };
}
