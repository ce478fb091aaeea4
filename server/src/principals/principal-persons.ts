import type { InvitationView } from '@beian/shared';
import type { DraftPrincipalAt } from '../order-core/draft-principals';
import type { FieldCipher } from '../platform/crypto/field-cipher';

/** Draft principals grouped by person (certificate number blind index), in form order. */
export function personsOf(principals: DraftPrincipalAt[], cipher: FieldCipher): Map<string, DraftPrincipalAt[]> {
  const persons = new Map<string, DraftPrincipalAt[]>();
  for (const p of principals) {
    if (!p.certificateNumber) continue;
    const index = cipher.blindIndex(p.certificateNumber);
    persons.set(index, [...(persons.get(index) ?? []), p]);
  }
  return persons;
}

export const maskName = (name: string) => (name ? `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}` : '');
export const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The services a person is the principal of, as the invitation names them. */
export function servicesOf(draft: Record<string, unknown>, at: DraftPrincipalAt[]): InvitationView['services'] {
  return at.flatMap((p) => {
    const match = /^(websites|apps)\.(\d+)\.principal$/.exec(p.path);
    const list = match && draft[match[1]!];
    const service = Array.isArray(list) ? (list[Number(match![2])] as Record<string, unknown> | undefined) : undefined;
    if (!match || !service) return [];
    const domains = Array.isArray(service.domains) ? service.domains.filter((d): d is string => typeof d === 'string') : [];
    return [{ type: match[1] === 'websites' ? ('website' as const) : ('app' as const), name: text(service.name), domains }];
  });
}
