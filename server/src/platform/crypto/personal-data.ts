import { PERSONAL_DRAFT_FIELDS, PERSONAL_KINDS, pathPattern, type PersonalKind } from '@beian/shared';

/** The kind of personal data at a draft path (`websites.0.principal.mobile`), from the marks in the shared schema. */
export function personalKindAt(path: string): PersonalKind | undefined {
  return PERSONAL_DRAFT_FIELDS.get(pathPattern(path));
}

/** The last key of every marked draft path (`mobile`, `holderCertificateNumber` …), for log redaction. */
export const PERSONAL_FIELD_NAMES: ReadonlySet<string> = new Set([...PERSONAL_DRAFT_FIELDS.keys()].map((path) => path.split('.').at(-1)!));

/** A value as an answer shows it: masked where its kind says so (names and addresses are shown to who may read them). */
export function maskPersonalValue(kind: PersonalKind, value: string): string {
  if (!PERSONAL_KINDS[kind].masked) return value;
  if (kind === 'password') return '******';
  if (kind === 'email') {
    const [user = '', domain = ''] = value.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  if (kind === 'mobile' && value.length === 11) return `${value.slice(0, 3)}****${value.slice(7)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = value.length >= 15 ? 4 : 2;
  return `${value.slice(0, keep)}${'*'.repeat(value.length - keep * 2)}${value.slice(-keep)}`;
}

/**
 * Applies `fn` to every non-empty personal string of a draft tree (or of one section, given its name as `prefix`),
 * returning a new tree.
 */
export function mapPersonalData(node: unknown, fn: (kind: PersonalKind, value: string) => string, prefix = ''): unknown {
  const at = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (Array.isArray(node)) return node.map((item, index) => mapPersonalData(item, fn, at(String(index))));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => {
        const kind = typeof value === 'string' && value !== '' ? personalKindAt(at(key)) : undefined;
        return [key, kind ? fn(kind, value as string) : mapPersonalData(value, fn, at(key))];
      }),
    );
  }
  return node;
}
