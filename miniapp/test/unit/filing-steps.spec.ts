import { personalDraft } from '@beian/shared/testing';
import { filingContext, servicesLimit, stepErrors, wizardKind, wizardTitle } from '../../src/filing/utils/filing-steps.util';
import type { DraftTree } from '../../src/utils/draft-path.util';

const draft = () => personalDraft() as unknown as DraftTree;

describe('filing steps', () => {
  it('should validate with the order kind, else the verified kind, else a first filing', () => {
    expect(wizardKind({ kind: 'add_service_local' }, { outcome: 'new_order', kind: 'access_filing', reason: '' })).toBe('add_service_local');
    expect(wizardKind(null, { outcome: 'new_order', kind: 'access_filing', reason: '' })).toBe('access_filing');
    expect(wizardKind(null, { outcome: 'filed_by_other', reason: '该备案非您本人提交' })).toBe('first_filing');
  });

  it('should ask the access numbers on their pages when the kind is an access filing', () => {
    const paths = (step: 'subject' | 'services') =>
      stepErrors(step, draft(), filingContext('access_filing', 'personal', draft(), 0)).map((e) => `${e.path}:${e.code}`);
    expect(paths('subject')).toEqual(['subject.subjectIcpNumber:REQUIRED', 'subject.filingPassword:REQUIRED']);
    expect(paths('services')).toEqual(['websites.0.icpNumber:REQUIRED']);
    expect(stepErrors('subject', draft(), filingContext('first_filing', 'personal', draft(), 0))).toEqual([]);
  });

  it('should take the service limit of the kind when counting services', () => {
    expect(servicesLimit('first_filing', 'personal')).toBe(1);
    expect(servicesLimit('first_filing', 'unit')).toBe(10);
  });

  it('should title the wizard with the kind it files', () => {
    expect(wizardTitle('first_filing')).toBe('ICP首次备案');
    expect(wizardTitle('change_filing')).toBe('ICP变更备案');
    expect(wizardTitle('add_service_local')).toBe('ICP新增服务');
  });
});
