import { draftSchema, fieldErrorsFromZod, validateDraftForSubmit, validateStep } from '../../src/schemas';
import { app, personalCtx, personalDraft, principal, unitCtx, unitDraft, website } from '../../src/testing/draft-fixtures';

const codesAt = (errors: { path: string; code: string }[]) => errors.map((error) => `${error.path}:${error.code}`);

describe('draftSchema', () => {
  it('should accept invalid values when the types are right', () => {
    expect(draftSchema.safeParse({ subject: { certificateNumber: '123' }, websites: [{ domains: ['x.io'] }] }).success).toBe(true);
  });

  it('should keep codes, numbers and domains in their normal form when autosaving', () => {
    const result = draftSchema.safeParse({
      subject: { certificateNumber: ' 11010519491231002x ', subjectIcpNumber: '粤icp备２０２４１２３４５６号', name: '张 三' },
      subjectPrincipal: { mobile: '１３８ ００１３ ８０００', email: 'ａ＠example。com' },
      websites: [{ domains: ['Ｅxample。ＣＮ '], icpNumber: '粤ICP备2024123456号－3' }],
    });
    expect(result.data).toEqual({
      subject: { certificateNumber: '11010519491231002X', subjectIcpNumber: '粤ICP备2024123456号', name: '张 三' },
      subjectPrincipal: { mobile: '13800138000', email: 'a@example.com' },
      websites: [{ domains: ['example.cn'], icpNumber: '粤ICP备2024123456号-3' }],
    });
  });

  it('should refuse a value of the wrong type with its dotted path when autosaving', () => {
    const result = draftSchema.safeParse({ websites: [{ domains: [42] }] });
    expect(result.success).toBe(false);
    expect(codesAt(fieldErrorsFromZod(result.error!))).toEqual(['websites.0.domains.0:INVALID_TYPE']);
  });
});

describe('validateDraftForSubmit', () => {
  it('should report nothing when a personal first filing is complete', () => {
    expect(validateDraftForSubmit(personalDraft(), personalCtx())).toEqual([]);
  });

  it('should report nothing when a unit first filing is complete', () => {
    expect(validateDraftForSubmit(unitDraft(), unitCtx())).toEqual([]);
  });

  it('should report each missing field on its own path when the draft is empty', () => {
    const paths = validateDraftForSubmit({}, personalCtx()).map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['subject.name', 'subject.certificateNumber', 'subjectPrincipal.mobile', 'websites', 'agreements.privacy']));
  });

  it('should refuse an unknown order kind when validating', () => {
    expect(codesAt(validateDraftForSubmit(personalDraft(), personalCtx({ kind: 'nope' })))).toEqual(['kind:OPTION_INVALID']);
  });

  it('should ask for the subject number when the kind is a change filing', () => {
    expect(codesAt(validateDraftForSubmit(personalDraft(), personalCtx({ kind: 'change_filing' })))).toContain('subject.subjectIcpNumber:REQUIRED');
  });

  it('should ask for the subject number, the filing password and each website number when the kind is an access filing', () => {
    const codes = codesAt(validateDraftForSubmit(personalDraft(), personalCtx({ kind: 'access_filing' })));
    expect(codes).toEqual(expect.arrayContaining(['subject.subjectIcpNumber:REQUIRED', 'subject.filingPassword:REQUIRED', 'websites.0.icpNumber:REQUIRED']));
  });

  it('should accept an access filing when its numbers belong together', () => {
    const draft = personalDraft();
    draft.subject = { ...draft.subject, subjectIcpNumber: '粤ICP备2024123456号', filingPassword: 'Miit-8812' };
    draft.websites = draft.websites!.map((site) => ({ ...site, icpNumber: '粤ICP备2024123456号-3' }));
    expect(validateDraftForSubmit(draft, personalCtx({ kind: 'access_filing' }))).toEqual([]);
  });

  it('should refuse a website number of another subject when the kind is an access filing', () => {
    const draft = personalDraft();
    draft.subject = { ...draft.subject, subjectIcpNumber: '粤ICP备2024123456号', filingPassword: 'Miit-8812' };
    draft.websites = draft.websites!.map((site) => ({ ...site, icpNumber: '粤ICP备2024999999号-1' }));
    expect(codesAt(validateDraftForSubmit(draft, personalCtx({ kind: 'access_filing' })))).toEqual(['websites.0.icpNumber:SERVICE_ICP_NUMBER_OTHER_SUBJECT']);
  });

  it('should refuse a service number typed as the subject number when the kind adds a service filed elsewhere', () => {
    const draft = personalDraft();
    draft.subject = { ...draft.subject, subjectIcpNumber: '粤ICP备2024123456号-1' };
    expect(codesAt(validateDraftForSubmit(draft, personalCtx({ kind: 'add_service_remote' })))).toEqual(['subject.subjectIcpNumber:SUBJECT_ICP_NUMBER_FORMAT']);
  });

  it('should not ask for the filing numbers when the kind is a first filing', () => {
    const paths = validateDraftForSubmit(personalDraft(), personalCtx()).map((error) => error.path);
    expect(paths).toEqual([]);
  });

  it('should ask for the service number when the kind is an access filing', () => {
    expect(codesAt(validateDraftForSubmit(personalDraft(), personalCtx({ kind: 'access_filing' })))).toContain('websites.0.icpNumber:REQUIRED');
  });
});

describe('validateStep verify_type', () => {
  it('should accept the skeleton fields when they are valid', () => {
    const data = {
      subject: { regionCode: '110105', nature: 'personal', certificateType: 'resident_id', certificateNumber: '11010519491231002X', name: '张三' },
      websites: [{ domains: ['example.com'], resource: { type: 'instance', instanceId: 'i' } }],
    };
    expect(validateStep('verify_type', data, personalCtx())).toEqual([]);
  });

  it('should ask for the APP name when the service type is app', () => {
    const data = { subject: personalDraft().subject, apps: [{ resource: { type: 'authorization_code' } }] };
    expect(codesAt(validateStep('verify_type', data, personalCtx({ serviceType: 'app' })))).toEqual([
      'apps.0.name:REQUIRED',
      'apps.0.resource.authorizationCode:AUTHORIZATION_CODE_REQUIRED',
    ]);
  });

  it('should ask for the legal representative when the subject is a unit', () => {
    const { legalRepName: _omitted, ...subject } = unitDraft().subject!;
    expect(codesAt(validateStep('verify_type', { subject, websites: unitDraft().websites }, unitCtx()))).toEqual(['subject.legalRepName:REQUIRED']);
  });
});

describe('validateStep subject', () => {
  it('should return the validator code on the certificate number when the ID check character is wrong', () => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, certificateNumber: '110105194912310021' } });
    const errors = validateStep('subject', draft, personalCtx());
    expect(errors).toEqual([
      { path: 'subject.certificateNumber', code: 'ID_CHECKSUM', message: expect.stringContaining('校验位'), source: expect.stringContaining('GB 11643') },
    ]);
  });

  it('should refuse a unit nature when the filing is personal', () => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, nature: 'enterprise' } });
    expect(codesAt(validateStep('subject', draft, personalCtx()))).toEqual(['subject.nature:OPTION_INVALID']);
  });

  it('should check the credit code when the unit files with a business licence', () => {
    const draft = unitDraft({ subject: { ...unitDraft().subject, certificateNumber: '91350100M000100Y4I' } });
    expect(codesAt(validateStep('subject', draft, unitCtx()))).toEqual(['subject.certificateNumber:USCC_CHARSET']);
  });

  it('should refuse a certificate type when it does not fit the nature', () => {
    const draft = unitDraft({ subject: { ...unitDraft().subject, certificateType: 'foundation_certificate' } });
    expect(codesAt(validateStep('subject', draft, unitCtx()))).toEqual(['subject.certificateType:CERTIFICATE_TYPE_NATURE_MISMATCH']);
  });

  it('should require the investor when the subject is a unit', () => {
    const draft = unitDraft({ subject: { ...unitDraft().subject, investor: ' ' } });
    expect(codesAt(validateStep('subject', draft, unitCtx()))).toEqual(['subject.investor:REQUIRED']);
  });

  it('should ask for a district when the region is only a province', () => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, regionCode: '110000' } });
    expect(codesAt(validateStep('subject', draft, personalCtx()))).toEqual(['subject.regionCode:REGION_REQUIRED_DISTRICT']);
  });
});

describe('validateStep subject_principal', () => {
  it('should not ask for name and certificate when the filing is personal', () => {
    expect(validateStep('subject_principal', personalDraft(), personalCtx())).toEqual([]);
  });

  it('should ask for the landline when the subject is a unit', () => {
    const draft = unitDraft({ subjectPrincipal: principal() });
    expect(codesAt(validateStep('subject_principal', draft, unitCtx()))).toEqual(['subjectPrincipal.phone2:REQUIRED']);
  });

  it('should refuse a landline when its area code is not the subject city', () => {
    const draft = unitDraft({ subjectPrincipal: principal({ phone2: '0571-88888888' }) });
    expect(codesAt(validateStep('subject_principal', draft, unitCtx()))).toEqual(['subjectPrincipal.phone2:LANDLINE_AREA_CODE_MISMATCH']);
  });

  it('should report mobile and email formats when they are wrong', () => {
    const draft = unitDraft({ subjectPrincipal: principal({ phone2: '0591-87654321', mobile: '12345', email: 'a@' }) });
    expect(codesAt(validateStep('subject_principal', draft, unitCtx()))).toEqual([
      'subjectPrincipal.mobile:MOBILE_FORMAT',
      'subjectPrincipal.email:EMAIL_FORMAT',
    ]);
  });

  it('should ask for the end date when the certificate is not long-term', () => {
    const draft = personalDraft({ subjectPrincipal: { ...personalDraft().subjectPrincipal, validTo: undefined } });
    expect(codesAt(validateStep('subject_principal', draft, personalCtx()))).toEqual(['subjectPrincipal.validTo:REQUIRED']);
  });

  it('should accept a long-term certificate when no end date is given', () => {
    const draft = personalDraft({ subjectPrincipal: { ...personalDraft().subjectPrincipal, validTo: undefined, longTerm: true } });
    expect(validateStep('subject_principal', draft, personalCtx())).toEqual([]);
  });

  it('should refuse an end date before the start date', () => {
    const draft = personalDraft({ subjectPrincipal: { ...personalDraft().subjectPrincipal, validTo: '2019-01-01' } });
    expect(codesAt(validateStep('subject_principal', draft, personalCtx()))).toEqual(['subjectPrincipal.validTo:VALIDITY_END_BEFORE_START']);
  });
});

describe('validateStep services', () => {
  it('should refuse a domain when its TLD is not approved', () => {
    const draft = personalDraft({ websites: [website({ domains: ['example.com', 'example.io'] })] });
    expect(codesAt(validateStep('services', draft, personalCtx()))).toEqual(['websites.0.domains.1:DOMAIN_TLD_NOT_APPROVED']);
  });

  it('should refuse organisation words in the name when the site is personal', () => {
    const draft = personalDraft({ websites: [website({ name: '张三科技公司' })] });
    expect(codesAt(validateStep('services', draft, personalCtx()))).toEqual(['websites.0.name:WEBSITE_NAME_PERSONAL_ORGANIZATION']);
  });

  it('should accept the same organisation words when the site is a unit one', () => {
    expect(validateStep('services', unitDraft({ websites: [website({ name: '示例科技公司' })] }), unitCtx())).toEqual([]);
  });

  it('should refuse 前置审批 when the filing is personal', () => {
    const draft = personalDraft({ websites: [website({ preApprovals: [{ type: 'news', approvalNumber: '1', fileId: 'f' }] })] });
    expect(codesAt(validateStep('services', draft, personalCtx()))).toEqual(['websites.0.preApprovals:PRE_APPROVAL_UNIT_ONLY']);
  });

  it('should ask for the approval number and document when a unit declares 前置审批', () => {
    const draft = unitDraft({ websites: [website({ name: '示例科技新闻', preApprovals: [{ type: 'news' }] })] });
    expect(codesAt(validateStep('services', draft, unitCtx()))).toEqual([
      'websites.0.preApprovals.0.approvalNumber:REQUIRED',
      'websites.0.preApprovals.0.fileId:REQUIRED',
    ]);
  });

  it('should accept a remark when it is shorter than 20 characters (the pre-check warns)', () => {
    const draft = personalDraft({ websites: [website({ remark: '读书笔记' })] });
    expect(codesAt(validateStep('services', draft, personalCtx()))).toEqual([]);
  });

  it('should refuse a home URL when it is not on the site domains', () => {
    const draft = personalDraft({ websites: [website({ homeUrl: 'https://other.com/' })] });
    expect(codesAt(validateStep('services', draft, personalCtx()))).toEqual(['websites.0.homeUrl:HOME_URL_FORMAT']);
  });

  it('should accept a home URL when it is on a subdomain of the site', () => {
    expect(validateStep('services', personalDraft({ websites: [website({ homeUrl: 'https://www.example.com/' })] }), personalCtx())).toEqual([]);
  });

  it('should check the service principal when the site has one', () => {
    const draft = personalDraft({ websites: [website({ principal: principal({ certificateNumber: '123' }) })] });
    expect(codesAt(validateStep('services', draft, personalCtx()))).toEqual(['websites.0.principal.certificateNumber:ID_LENGTH']);
  });

  it('should accept an APP when its packages are complete', () => {
    expect(validateStep('services', personalDraft({ websites: undefined, apps: [app()] }), personalCtx({ serviceType: 'app' }))).toEqual([]);
  });

  it('should want a SHA-1 fingerprint when the platform is iOS', () => {
    const pkg = { platform: 'ios', packageName: 'com.example.notes', publicKey: 'k', fingerprint: 'A'.repeat(32) };
    const draft = personalDraft({ apps: [app({ packages: [pkg] })] });
    expect(codesAt(validateStep('services', draft, personalCtx({ serviceType: 'app' })))).toEqual(['apps.0.packages.0.fingerprint:FINGERPRINT_SHA1_FORMAT']);
  });

  it('should ask the APP SDK questions and a package when they are missing', () => {
    const draft = { apps: [app({ providesSdk: undefined, packages: [] })] };
    expect(codesAt(validateStep('services', draft, personalCtx({ serviceType: 'app' })))).toEqual(['apps.0.providesSdk:REQUIRED', 'apps.0.packages:REQUIRED']);
  });
});

describe('validateStep materials and review_submit', () => {
  it('should ask for the domain screenshot when it is missing', () => {
    const draft = personalDraft();
    draft.materials = draft.materials!.filter((material) => material.kind !== 'domain_real_name');
    const errors = validateStep('materials', draft, personalCtx());
    expect(errors).toEqual([
      { path: 'materials', code: 'MATERIAL_REQUIRED', message: '请上传网站1的域名实名认证截图', source: expect.stringContaining('seeds/003') },
    ]);
  });

  it('should ask for the licence photo when the subject is a unit', () => {
    const draft = unitDraft();
    draft.materials = draft.materials!.filter((material) => material.kind !== 'subject_certificate');
    expect(validateStep('materials', draft, unitCtx()).map((error) => error.message)).toEqual(['请上传主办单位证件照片']);
  });

  it('should refuse submission when an agreement is not ticked', () => {
    const draft = personalDraft({ agreements: { privacy: true, terms: false, commitment: true } });
    expect(codesAt(validateStep('review_submit', draft, personalCtx()))).toEqual(['agreements.terms:AGREEMENT_REQUIRED']);
  });

  it('should validate nothing when the step has no draft fields', () => {
    expect(validateStep('face_check', {}, personalCtx())).toEqual([]);
  });
});
