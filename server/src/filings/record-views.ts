import { type FilingAppPackage, type FilingPrincipalView, subjectNatureByKey } from '@beian/shared';
import { cityOf, provinceOf, regionByCode } from '@beian/shared/regions';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { maskPersonalValue } from '../platform/crypto/personal-data';

type PrincipalValueKind = 'certificate_number' | 'mobile' | 'email';

/** A sealed value in clear (the record seals personal values with the field cipher). */
function opened(stored: unknown, cipher: FieldCipher): string | undefined {
  if (typeof stored !== 'string' || stored === '') return undefined;
  return cipher.open(stored);
}

/** The principal as approved (sealed JSON), with its personal values masked: the record's answers never show them whole. */
export function principalView(sealed: string, cipher: FieldCipher): FilingPrincipalView {
  const principal = parseObject(sealed);
  const masked = (key: string, kind: PrincipalValueKind): string | undefined => {
    const value = opened(principal[key], cipher);
    return value === undefined ? undefined : maskPersonalValue(kind, value);
  };
  const name = opened(principal.name, cipher);
  return {
    ...(name ? { name } : {}),
    ...(typeof principal.certificateType === 'string' ? { certificateType: principal.certificateType } : {}),
    ...optional('certificateNumberMasked', masked('certificateNumber', 'certificate_number')),
    ...optional('mobileMasked', masked('mobile', 'mobile')),
    ...optional('emailMasked', masked('email', 'email')),
  };
}

/**
 * The principal's name alone. A personal filing's subject principal is the person the subject names, so the draft
 * leaves the name out: `fallback` (the subject's name) stands in.
 */
export function principalName(sealed: string, cipher: FieldCipher, fallback = ''): string {
  return opened(parseObject(sealed).name, cipher) || fallback;
}

export function natureLabel(nature: string): string {
  return subjectNatureByKey(nature)?.label ?? nature;
}

/** `广东省深圳市南山区` from a district code (or less for a city or province code). */
export function regionLabel(code: string): string {
  const names = [provinceOf(code), cityOf(code), regionByCode(code)].map((r) => r?.name).filter((n): n is string => Boolean(n));
  return [...new Set(names)].join('');
}

export function stringList(json: string): string[] {
  const parsed: unknown = JSON.parse(json || '[]');
  return Array.isArray(parsed) ? parsed.filter((v): v is string => typeof v === 'string') : [];
}

export function appPackages(json: string): FilingAppPackage[] {
  const parsed: unknown = JSON.parse(json || '[]');
  return Array.isArray(parsed) ? (parsed as FilingAppPackage[]) : [];
}

export function parseObject(json: string | null): Record<string, unknown> {
  const parsed: unknown = json ? JSON.parse(json) : {};
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}
