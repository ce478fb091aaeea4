import { z } from 'zod/mini';

/**
 * Personal information (PIPL) a draft field can hold. Every such field is marked in the draft schema with
 * `personal(kind)`; the server derives from the marks what it encrypts at rest, masks in answers and redacts from
 * logs, so a new field is protected by marking it once.
 */
export const PERSONAL_KINDS = {
  certificate_number: { masked: true },
  mobile: { masked: true },
  phone: { masked: true },
  email: { masked: true },
  password: { masked: true },
  /** Shown to whoever may read the order (the applicant, staff reviewing it); encrypted at rest, never logged. */
  person_name: { masked: false },
  address: { masked: false },
} as const satisfies Record<string, { masked: boolean }>;
export type PersonalKind = keyof typeof PERSONAL_KINDS;

export const personalFields = z.registry<{ personal: PersonalKind }>();

/** Marks a draft field as personal data of the given kind (a schema instance of its own: marks never leak). */
export function personal<T extends z.core.$ZodType>(kind: PersonalKind, schema: T): T {
  personalFields.add(schema, { personal: kind });
  return schema;
}

type Def = { type: string; shape?: Record<string, z.core.$ZodType>; innerType?: z.core.$ZodType; element?: z.core.$ZodType };

/** Every marked field of a schema by path, array items as `*`: `websites.*.principal.mobile` → `mobile`. */
export function personalPaths(schema: z.core.$ZodType, prefix = '', into = new Map<string, PersonalKind>()): Map<string, PersonalKind> {
  const mark = personalFields.get(schema);
  if (mark && prefix) into.set(prefix, mark.personal);
  const def = schema._zod.def as unknown as Def;
  if (def.type === 'object' && def.shape) {
    for (const [key, field] of Object.entries(def.shape)) personalPaths(field, prefix ? `${prefix}.${key}` : key, into);
  } else if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) personalPaths(def.innerType, prefix, into);
  else if (def.type === 'array' && def.element) personalPaths(def.element, `${prefix}.*`, into);
  return into;
}

/** A concrete path (`websites.0.principal.mobile`) as the pattern `personalPaths` lists. */
export function pathPattern(path: string): string {
  return path.replace(/(^|\.)\d+(?=\.|$)/g, '$1*');
}
