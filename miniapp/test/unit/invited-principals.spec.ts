import { OTHER_ID, principal, unitDraft, website } from '@beian/shared/testing';
import { invitedPrincipalPaths, withInviteePhotos } from '../../src/filing/utils/invited-principals.util';
import { filingContext, stepErrors } from '../../src/filing/utils/filing-steps.util';
import { requiredMaterials } from '../../src/filing/utils/required-materials.util';
import type { DraftTree } from '../../src/utils/draft-path.util';

/** A unit filing whose second website is run by another person (OTHER_ID), with none of that person's photos. */
function draftWithOtherPerson(): DraftTree {
  const draft = unitDraft({
    websites: [
      website({ name: '示例科技官网' }),
      website({ name: '示例商城', domains: ['shop.example.com'], principal: principal({ name: '李四', certificateNumber: OTHER_ID }) }),
    ],
  }) as unknown as DraftTree;
  const materials = (draft.materials as { target: string }[]).concat({ kind: 'domain_real_name', fileId: 'd2', target: 'websites.1' } as never);
  return { ...draft, materials };
}

describe('invited principals: their ID photos are theirs to upload', () => {
  it('should name the service principals who are not the subject principal, whatever the case of the certificate letter', () => {
    const draft = draftWithOtherPerson();
    expect(invitedPrincipalPaths(draft, 'unit')).toEqual(['websites.1.principal']);
    const lowercase = { ...draft, subjectPrincipal: { ...(draft.subjectPrincipal as object), certificateNumber: '11010519491231002x' } };
    expect(invitedPrincipalPaths(lowercase, 'unit')).toEqual(['websites.1.principal']);
  });

  it('should not ask the applicant for an invited principal’s photos when the materials step is checked', () => {
    const draft = draftWithOtherPerson();
    const ctx = filingContext('first_filing', 'unit', draft, 0);
    expect(stepErrors('materials', draft, ctx)).toEqual([]);
    expect(requiredMaterials(draft, ctx).filter((need) => need.target === 'websites.1.principal')).toEqual([]);
    expect(requiredMaterials(draft, ctx).map((need) => `${need.kind}@${need.target}`)).toContain('certificate_front@subjectPrincipal');
  });

  it('should leave the draft alone when every principal is the subject principal', () => {
    const draft = unitDraft() as unknown as DraftTree;
    expect(withInviteePhotos(draft, 'unit')).toBe(draft);
  });
});
