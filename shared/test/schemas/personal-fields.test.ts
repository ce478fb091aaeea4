import { PERSONAL_DRAFT_FIELDS, PERSONAL_KINDS, draftSchema, pathPattern, personalPaths } from '../../src';

/** Field names that say "personal data": each must be marked unless listed below as not personal. */
const LOOKS_PERSONAL = /certificateNumber|password|mobile|phone|email|name|address|investor/i;
/** Fields named like personal data that are not: a website's or app's own name, an app package's identifier, a file. */
const NOT_PERSONAL = new Set(['websites.*.name', 'apps.*.name', 'apps.*.packages.*.packageName', 'websites.*.domainHolders.*.domain']);

function allPaths(node: unknown, prefix = '', into: string[] = []): string[] {
  const def = (node as { _zod: { def: { type: string; shape?: Record<string, unknown>; innerType?: unknown; element?: unknown } } })._zod.def;
  if (def.type === 'object' && def.shape) for (const [key, field] of Object.entries(def.shape)) allPaths(field, prefix ? `${prefix}.${key}` : key, into);
  else if ((def.type === 'optional' || def.type === 'nullable') && def.innerType) allPaths(def.innerType, prefix, into);
  else if (def.type === 'array' && def.element) allPaths(def.element, `${prefix}.*`, into);
  else into.push(prefix);
  return into;
}

describe('personal fields marked in the draft schema', () => {
  it('should mark every field named like a certificate number, password, phone, e-mail, name or address', () => {
    const unmarked = allPaths(draftSchema).filter((path) => LOOKS_PERSONAL.test(path.split('.').at(-1)!) && !NOT_PERSONAL.has(path));

    expect(unmarked.filter((path) => !PERSONAL_DRAFT_FIELDS.has(path))).toEqual([]);
  });

  it('should mark the fields the probe found in the clear: the domain holder certificate number and the filing password', () => {
    expect(PERSONAL_DRAFT_FIELDS.get('websites.*.domainHolders.*.holderCertificateNumber')).toBe('certificate_number');
    expect(PERSONAL_DRAFT_FIELDS.get('subject.filingPassword')).toBe('password');
    expect(PERSONAL_DRAFT_FIELDS.get('apps.*.principal.mobile')).toBe('mobile');
  });

  it('should leave a website name unmarked while a principal name is a person name', () => {
    expect(PERSONAL_DRAFT_FIELDS.has('websites.*.name')).toBe(false);
    expect(PERSONAL_DRAFT_FIELDS.get('websites.*.principal.name')).toBe('person_name');
  });

  it('should give every mark a known kind and find no marks on a schema without any', () => {
    for (const kind of PERSONAL_DRAFT_FIELDS.values()) expect(Object.keys(PERSONAL_KINDS)).toContain(kind);
    expect(personalPaths(draftSchema.shape.agreements).size).toBe(0);
  });

  it('should turn array indexes into the pattern the marks use, leaving other digits alone', () => {
    expect(pathPattern('websites.10.principal.phone2')).toBe('websites.*.principal.phone2');
    expect(pathPattern('subject.certificateNumber')).toBe('subject.certificateNumber');
  });
});
