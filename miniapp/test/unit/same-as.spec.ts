import { personalDraft, principal, unitDraft } from '@beian/shared/testing';
import { copyableSources } from '../../src/filing/utils/same-as.util';
import type { DraftTree } from '../../src/utils/draft-path.util';

describe('"same person as …" sources', () => {
  it('should offer no one to copy when no principal has a name yet', () => {
    const draft = { ...(unitDraft() as unknown as DraftTree), subjectPrincipal: { mobile: '13800138000' } };
    expect(copyableSources(draft, ['subjectPrincipal', 'apps.0.principal'], false)).toEqual([]);
  });

  it('should offer the principals whose name is entered', () => {
    const draft = { ...(unitDraft() as unknown as DraftTree), apps: [{ principal: principal({ name: '  ' }) }] };
    expect(copyableSources(draft, ['subjectPrincipal', 'apps.0.principal'], false)).toEqual(['subjectPrincipal']);
  });

  it('should offer a personal filer’s 主体负责人 named by the subject when the principal form has no name of its own', () => {
    const draft = { ...(personalDraft() as unknown as DraftTree), subjectPrincipal: {} };
    expect(copyableSources(draft, ['subjectPrincipal'], true)).toEqual(['subjectPrincipal']);
    expect(copyableSources(draft, ['subjectPrincipal'], false)).toEqual([]);
  });
});
