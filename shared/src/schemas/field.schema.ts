import { z } from 'zod/mini';
import { fieldMessage, type FieldCode } from './schema-codes';
import { typeError } from './zod-field-errors';

/** A validator from `../validate`, or a check answering a schema code. */
type Validator = (value: string) => { ok: true } | { ok: false; code: FieldCode };
type IssueSink = { addIssue: (issue: z.core.$ZodRawIssue | z.core.$ZodSuperRefineIssue) => void };

export function addFieldIssue(ctx: IssueSink, code: FieldCode, path?: PropertyKey[], message = fieldMessage(code)): void {
  ctx.addIssue({ code: 'custom', message, params: { code }, ...(path ? { path } : {}) });
}

function runValidator(value: string, ctx: IssueSink, validate: Validator | undefined): void {
  const result = validate?.(value);
  if (result && !result.ok) addFieldIssue(ctx, result.code);
}

/** A required text field: absent or blank is REQUIRED, otherwise the validator's code if it fails. */
export function requiredText(validate?: Validator) {
  return z.string({ error: typeError }).check(
    z.superRefine((value, ctx) => {
      if (value.trim() === '') addFieldIssue(ctx, 'REQUIRED');
      else runValidator(value, ctx, validate);
    }),
  );
}

/** An optional text field: absent or blank passes, anything else must pass the validator. */
export function optionalText(validate?: Validator) {
  return z.optional(
    z.string({ error: typeError }).check(
      z.superRefine((value, ctx) => {
        if (value.trim() !== '') runValidator(value, ctx, validate);
      }),
    ),
  );
}

/** A required choice from a catalog. */
export function requiredChoice(values: readonly string[]) {
  return z.string({ error: typeError }).check(
    z.superRefine((value, ctx) => {
      if (value === '') addFieldIssue(ctx, 'REQUIRED');
      else if (!values.includes(value)) addFieldIssue(ctx, 'OPTION_INVALID');
    }),
  );
}

/** A list of catalog choices with at least one item. */
export function requiredChoices(values: readonly string[]) {
  return z.array(requiredChoice(values), { error: typeError }).check(
    z.superRefine((items, ctx) => {
      if (items.length === 0) addFieldIssue(ctx, 'REQUIRED');
    }),
  );
}

export function requiredList<T extends z.core.SomeType>(item: T) {
  return z.array(item, { error: typeError }).check(
    z.superRefine((items, ctx) => {
      if (items.length === 0) addFieldIssue(ctx, 'REQUIRED');
    }),
  );
}

/**
 * A check across the fields of one object. It runs even when some fields failed their own schema, so every
 * problem shows at once; `value` is therefore read defensively.
 */
export function crossFieldCheck(check: (value: Record<string, unknown>, report: (path: string, code: FieldCode, message?: string) => void) => void) {
  return z.superRefine<Record<string, unknown>>(
    (value, ctx) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
      check(value, (path, code, message) => addFieldIssue(ctx, code, path === '' ? [] : path.split('.'), message));
    },
    { when: () => true },
  );
}

export function textAt(value: Record<string, unknown>, key: string): string | undefined {
  const field = value[key];
  return typeof field === 'string' && field.trim() !== '' ? field : undefined;
}

/** A required boolean (a yes/no question the applicant must answer). */
export function requiredFlag() {
  return z.boolean({ error: typeError });
}

/** The validator result for `value` when it is a filled string, else undefined. */
export function validateFilled(value: unknown, validate: Validator): ReturnType<Validator> | undefined {
  return typeof value === 'string' && value.trim() !== '' ? validate(value) : undefined;
}

/** An absent section is validated as `{}`, so each of its required fields is reported on its own path. */
export function section<T extends z.core.SomeType>(schema: T) {
  return z.prefault(schema, {} as z.core.input<T>);
}
