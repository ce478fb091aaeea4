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
