/** Draft keys that hold personal data: encrypted at rest, masked in responses, redacted in logs. */
export const PERSONAL_DATA_KEYS: ReadonlySet<string> = new Set([
  'certificateNumber',
  'legalRepCertificateNumber',
  'mobile',
  'phone2',
  'emergencyPhone',
  'email',
  'filingPassword',
]);

export function maskPersonalValue(key: string, value: string): string {
  if (key === 'email') {
    const [user = '', domain = ''] = value.split('@');
    return `${user.slice(0, 1)}***@${domain}`;
  }
  if (key === 'filingPassword') return '******';
  if (key === 'mobile' && value.length === 11) return `${value.slice(0, 3)}****${value.slice(7)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  const keep = value.length >= 15 ? 4 : 2;
  return `${value.slice(0, keep)}${'*'.repeat(value.length - keep * 2)}${value.slice(-keep)}`;
}

/** Applies `fn` to every personal-data string in a JSON tree, returning a new tree. */
export function mapPersonalData(node: unknown, fn: (key: string, value: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => mapPersonalData(item, fn));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [
        key,
        typeof value === 'string' && PERSONAL_DATA_KEYS.has(key) && value !== '' ? fn(key, value) : mapPersonalData(value, fn),
      ]),
    );
  }
  return node;
}
