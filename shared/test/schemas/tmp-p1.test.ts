import { validateStep, validateDraftForSubmit, draftSchema } from '../../src/schemas';
const ctx = { kind: 'first_filing', subjectType: 'personal' as const, serviceType: 'website' as const };
test('p1', () => {
  console.log(JSON.stringify(validateDraftForSubmit({ subject: { name: '张三', certificateNumber: '11010519491231002X' }, subjectPrincipal: { mobile: '13800138000' }, websites: [{ name: '张三的博客', domains: ['example.com'] }] }, ctx)));
  console.log(JSON.stringify(validateDraftForSubmit({ subject: { name: '', certificateNumber: '11010519491231002x' }, subjectPrincipal: { mobile: 5 }, websites: [{ domains: ['example.io', ''] }] }, ctx), null, 1));
  console.log(JSON.stringify(validateDraftForSubmit({}, ctx)));
  console.log(JSON.stringify(draftSchema.safeParse({ subject: { name: 3 }, websites: [{ domains: ['x'] }], extra: 1 })));
});
