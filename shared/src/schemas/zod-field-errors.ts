import type { z } from 'zod/mini';
import type { FieldError } from '../errors';
import { fieldMessage, type FieldCode } from './schema-codes';
import { VALIDATION_MESSAGES } from '../validate/codes';

type ZodIssue = z.core.$ZodIssue;

function codeOf(issue: ZodIssue): FieldCode {
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: FieldCode } | undefined)?.code;
      return code ?? 'INVALID_VALUE';
    }
    case 'invalid_type':
      // The schemas' error map answers REQUIRED for an absent value (see `typeError`).
      return issue.message === VALIDATION_MESSAGES.REQUIRED ? 'REQUIRED' : 'INVALID_TYPE';
    case 'invalid_value':
      return 'OPTION_INVALID';
    case 'too_big':
      return issue.origin === 'string' ? 'TEXT_TOO_LONG' : 'TOO_MANY_ITEMS';
    case 'too_small':
      return 'REQUIRED';
    case 'unrecognized_keys':
      return 'UNKNOWN_FIELD';
    default:
      return 'INVALID_VALUE';
  }
}

/** Maps zod issues to `FieldError`s with dotted paths (`websites.0.domains.1`) and Chinese messages. */
export function fieldErrorsFromZod(error: { issues: readonly ZodIssue[] }): FieldError[] {
  return error.issues.map((issue) => {
    const code = codeOf(issue);
    const message = issue.code === 'custom' && issue.message ? issue.message : fieldMessage(code);
    return { path: issue.path.map(String).join('.'), code, message };
  });
}

/** Error map for every schema here: an absent value is REQUIRED, anything else of the wrong type INVALID_TYPE. */
export function typeError(issue: { input?: unknown }): string {
  return issue.input === undefined || issue.input === null ? VALIDATION_MESSAGES.REQUIRED : fieldMessage('INVALID_TYPE');
}
