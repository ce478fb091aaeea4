import type { SubjectType } from '@beian/shared';
import { textAt, type DraftTree } from '../../utils/draft-path.util';

const ID_PHOTO_KINDS = ['certificate_front', 'certificate_back'] as const;
/** Stands for a photo the invited principal uploads in the invitation, in the applicant's own step checks only. */
const BY_INVITEE = 'by-invitee';

function servicePrincipalPaths(draft: DraftTree): string[] {
  return (['websites', 'apps'] as const).flatMap((list) => {
    const services = draft[list];
    return Array.isArray(services) ? services.map((_, i) => `${list}.${i}.principal`) : [];
  });
}

const normalized = (value: string) => value.trim().toUpperCase();

/**
 * Service principals who are not the subject principal (the account's owner): they are invited, and upload their
 * own ID photos and prove their own mobile inside the invitation instead of the applicant.
 */
export function invitedPrincipalPaths(draft: DraftTree, subjectType: SubjectType): string[] {
  const own = normalized(textAt(draft, 'subjectPrincipal.certificateNumber') || (subjectType === 'personal' ? textAt(draft, 'subject.certificateNumber') : ''));
  return servicePrincipalPaths(draft).filter((path) => {
    const number = normalized(textAt(draft, `${path}.certificateNumber`));
    return number !== '' && number !== own;
  });
}

/** The draft as the applicant's steps check it: an invited principal's ID photos are theirs to upload, not the applicant's. */
export function withInviteePhotos(draft: DraftTree, subjectType: SubjectType): DraftTree {
  const invited = invitedPrincipalPaths(draft, subjectType);
  if (invited.length === 0) return draft;
  const materials = Array.isArray(draft.materials) ? (draft.materials as Record<string, unknown>[]) : [];
  const missing = invited.flatMap((target) =>
    ID_PHOTO_KINDS.filter((kind) => !materials.some((item) => item.kind === kind && item.target === target)).map((kind) => ({
      kind,
      target,
      fileId: BY_INVITEE,
    })),
  );
  return missing.length ? { ...draft, materials: [...materials, ...missing] } : draft;
}
