import type { DraftPrincipal, PrincipalSameAs } from '@beian/shared';
import { getAt, textAt, type DraftTree } from '../../utils/draft-path.util';

/** The principal at a path as a person: a personal filer's name and certificate come from the subject. */
export function principalPerson(draft: DraftTree, path: string, personal: boolean): DraftPrincipal {
  const principal = (getAt(draft, path) ?? {}) as DraftPrincipal;
  if (path !== 'subjectPrincipal' || !personal) return principal;
  return {
    ...principal,
    name: textAt(draft, 'subject.name'),
    certificateType: textAt(draft, 'subject.certificateType'),
    certificateNumber: textAt(draft, 'subject.certificateNumber'),
  };
}

/** The principals among `sources` with a person to copy ("same person as …"): those whose name is entered. */
export function copyableSources(draft: DraftTree, sources: readonly PrincipalSameAs[], personal: boolean): PrincipalSameAs[] {
  return sources.filter((source) => (principalPerson(draft, source, personal).name ?? '').trim() !== '');
}
