import { DRAFT_SECTION_MAX_BYTES, draftSchema, fieldMessage, type FieldError } from '@beian/shared';

const SECTIONS: ReadonlySet<string> = new Set(Object.keys(draftSchema.shape));

/** A saved draft's sections must be ones the draft has, each within the size one section may hold. */
export function draftSectionErrors(sections: Record<string, unknown>): FieldError[] {
  return Object.entries(sections).flatMap(([section, value]): FieldError[] => {
    if (!SECTIONS.has(section)) return [{ path: `draft.${section}`, code: 'UNKNOWN_FIELD', message: fieldMessage('UNKNOWN_FIELD') }];
    if (Buffer.byteLength(JSON.stringify(value ?? null)) > DRAFT_SECTION_MAX_BYTES) {
      return [{ path: `draft.${section}`, code: 'SECTION_TOO_LARGE', message: fieldMessage('SECTION_TOO_LARGE') }];
    }
    return [];
  });
}
