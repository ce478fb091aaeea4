import { precheck, type Finding } from '../../src/rules';
import { OTHER_ID, app, personalDraft, principal, unitDraft, website } from '../../src/testing/draft-fixtures';
import { personalCheck, personalIn, residentId, unitCheck, unitIn } from './precheck.factory';

const at = (findings: Finding[], code: string) => findings.filter((finding) => finding.code === code).map((finding) => `${finding.path}:${finding.severity}`);

describe('communication address', () => {
  it('should warn when the address stops short of a door or room number', () => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, communicationAddress: '北京市朝阳区某街道' } });
    expect(at(precheck(draft, personalCheck()), 'ADDRESS_NOT_PRECISE')).toEqual(['subject.communicationAddress:warning']);
  });

  it.each(['北京市朝阳区某街道1号', '某村3组', '朝阳区某小区5栋2单元301', '朝阳区某大厦1201'])('should accept %s when it names a door or room', (address) => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, communicationAddress: address } });
    expect(at(precheck(draft, personalCheck()), 'ADDRESS_NOT_PRECISE')).toEqual([]);
  });

  it('should refuse an address in another province than the filing region', () => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, communicationAddress: '上海市浦东新区某路1号' } });
    expect(at(precheck(draft, personalCheck()), 'ADDRESS_OUTSIDE_REGION')).toEqual(['subject.communicationAddress:error']);
  });

  it.each(['北京市朝阳区上海路1号', '上海路1号', '海南藏族自治州共和县某路1号'])('should accept %s when no other province is named first', (address) => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, communicationAddress: address } });
    expect(at(precheck(draft, personalCheck()), 'ADDRESS_OUTSIDE_REGION')).toEqual([]);
  });

  it('should refuse an address that starts with another province without 省 or 市', () => {
    const draft = personalDraft({ subject: { ...personalDraft().subject, communicationAddress: '广东广州市天河区某路1号' } });
    expect(at(precheck(draft, personalCheck()), 'ADDRESS_OUTSIDE_REGION')).toEqual(['subject.communicationAddress:error']);
  });
});

describe('unit province and licence', () => {
  it('should warn when the unit files in another province than its licence', () => {
    expect(at(precheck(unitIn('440103', {}, '350102'), unitCheck()), 'UNIT_PROVINCE_NOT_CERTIFICATE')).toEqual(['subject.regionCode:warning']);
  });

  it('should accept the unit when it files in its licence province', () => {
    expect(at(precheck(unitIn('440103', {}, '440104'), unitCheck()), 'UNIT_PROVINCE_NOT_CERTIFICATE')).toEqual([]);
  });
});

describe('region different from the certificate city', () => {
  it('should ask for a remark when the region is another city of the certificate province', () => {
    expect(at(precheck(personalIn('440303', residentId('440103', '19900101')), personalCheck()), 'REGION_DIFFERENCE_UNEXPLAINED')).toEqual([
      'subject.remark:warning',
    ]);
  });

  it('should accept the region when the subject remark explains it', () => {
    const draft = personalIn('440303', residentId('440103', '19900101'));
    draft.subject = { ...draft.subject, remark: '本人长期在深圳工作居住' };
    expect(at(precheck(draft, personalCheck()), 'REGION_DIFFERENCE_UNEXPLAINED')).toEqual([]);
  });
});

describe('personal service principal', () => {
  it('should warn when a website principal of a personal filing is not the filer', () => {
    const draft = personalDraft({ websites: [website({ principal: principal({ name: '李四', certificateNumber: OTHER_ID, mobile: '13800138001' }) })] });
    expect(at(precheck(draft, personalCheck()), 'PERSONAL_SERVICE_PRINCIPAL_NOT_FILER')).toEqual(['websites.0.principal.certificateNumber:warning']);
    expect(at(precheck(draft, personalCheck({ kind: 'change_filing' })), 'PERSONAL_SERVICE_PRINCIPAL_NOT_FILER')).toEqual([]);
  });

  it('should accept the filer as website principal', () => {
    expect(at(precheck(personalDraft(), personalCheck()), 'PERSONAL_SERVICE_PRINCIPAL_NOT_FILER')).toEqual([]);
  });
});

describe('service content and 前置审批', () => {
  it('should refuse 网络新闻 for a personal filing', () => {
    const draft = personalDraft({ websites: [website({ serviceContent: ['news'] })] });
    expect(at(precheck(draft, personalCheck()), 'PERSONAL_CONTENT_NEEDS_APPROVAL')).toEqual(['websites.0.serviceContent:error']);
  });

  it('should refuse 单位门户网站 for a personal filing', () => {
    const draft = personalDraft({ websites: [website({ serviceContent: ['unit_portal'] })] });
    expect(at(precheck(draft, personalCheck()), 'PERSONAL_CONTENT_UNIT_PORTAL')).toEqual(['websites.0.serviceContent:error']);
  });

  it('should warn when a personal filing picks a content units usually run', () => {
    const draft = personalDraft({ websites: [website({ serviceContent: ['shopping'] })] });
    expect(at(precheck(draft, personalCheck()), 'PERSONAL_CONTENT_UNUSUAL')).toEqual(['websites.0.serviceContent:warning']);
  });

  it.each(['other', 'blog'])('should accept %s for a personal filing', (content) => {
    const findings = precheck(personalDraft({ websites: [website({ serviceContent: [content] })] }), personalCheck());
    expect(findings.filter((finding) => finding.code.startsWith('PERSONAL_CONTENT'))).toEqual([]);
  });

  it('should refuse 网上支付 for a unit when 互联网金融 is not declared', () => {
    const draft = unitDraft({ apps: [app({ name: '示例支付', serviceContent: ['payment'] })], websites: [] });
    expect(at(precheck(draft, unitCheck({ serviceType: 'app' })), 'CONTENT_NEEDS_PRE_APPROVAL')).toEqual(['apps.0.serviceContent:error']);
  });

  it('should accept 网络新闻 for a unit when 新闻 is declared', () => {
    const draft = unitDraft({
      websites: [website({ name: '示例科技官网', serviceContent: ['news'], preApprovals: [{ type: 'news', approvalNumber: 'X1', fileId: 'f' }] })],
    });
    expect(at(precheck(draft, unitCheck()), 'CONTENT_NEEDS_PRE_APPROVAL')).toEqual([]);
  });
});

describe('authorization code per service', () => {
  const coded = (code: string) => website({ name: '示例科技官网', resource: { type: 'authorization_code', authorizationCode: code } });

  it('should refuse a second service of the order using the same authorization code', () => {
    const draft = unitDraft({ websites: [coded('AUTH-1'), { ...coded('auth-1'), domains: ['shop.example.com'] }] });
    expect(at(precheck(draft, unitCheck()), 'AUTHORIZATION_CODE_REUSED')).toEqual(['websites.1.resource.authorizationCode:error']);
  });

  it('should accept one authorization code per service', () => {
    const draft = unitDraft({ websites: [coded('AUTH-1'), { ...coded('AUTH-2'), domains: ['shop.example.com'] }] });
    expect(at(precheck(draft, unitCheck()), 'AUTHORIZATION_CODE_REUSED')).toEqual([]);
  });
});

describe('remark length', () => {
  it('should warn, not refuse, when a remark is under 20 characters and the province sets no minimum', () => {
    const draft = personalDraft({ websites: [website({ remark: '读书笔记' })] });
    expect(at(precheck(draft, personalCheck()), 'REMARK_SHORT')).toEqual(['websites.0.remark:warning']);
  });

  it('should refuse a short remark when the province requires the length', () => {
    const rules = [{ province: '11', subjectType: 'any' as const, key: 'remarkMinLength' as const, value: 20, effectiveFrom: '2025-01-01', source: 'test' }];
    const draft = personalDraft({ websites: [website({ remark: '读书笔记' })] });
    expect(at(precheck(draft, personalCheck({ rules })), 'REMARK_TOO_SHORT')).toEqual(['websites.0.remark:error']);
  });

  it('should accept an absent remark when nothing requires one', () => {
    expect(precheck(personalDraft(), personalCheck()).filter((finding) => finding.code.startsWith('REMARK'))).toEqual([]);
  });
});

describe('context the server fills', () => {
  it('should refuse the order when the subject has another order in flight', () => {
    const findings = precheck(personalDraft(), personalCheck({ inFlightOrders: { openOrdersOfAccount: 0, openOrdersOfSubject: 1 } }));
    expect(at(findings, 'SUBJECT_HAS_ORDER_IN_FLIGHT')).toEqual(['subject.certificateNumber:error']);
  });

  it('should accept the order when nothing else is in flight', () => {
    expect(precheck(personalDraft(), personalCheck({ inFlightOrders: { openOrdersOfAccount: 0, openOrdersOfSubject: 0 } }))).toEqual([]);
  });

  it('should refuse a mobile the server knows belongs to another subject', () => {
    const findings = precheck(personalDraft(), personalCheck({ mobilesOfOtherSubjects: ['13800138000'] }));
    expect(at(findings, 'MOBILE_USED_BY_OTHER_SUBJECT')).toEqual(['subjectPrincipal.mobile:error', 'websites.0.principal.mobile:error']);
  });

  it('should refuse a personal mobile that is not the account phone', () => {
    expect(at(precheck(personalDraft(), personalCheck({ accountMobile: '13900000000' })), 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual([
      'subjectPrincipal.mobile:error',
    ]);
    expect(precheck(personalDraft(), personalCheck({ accountMobile: '+86 138-0013-8000' }))).toEqual([]);
  });

  it('should only warn about the mobile when the account phone is known from an SMS verification', () => {
    const ctx = personalCheck({ accountMobile: '13900000000', accountMobileFrom: 'sms_verification' });
    expect(at(precheck(personalDraft(), ctx), 'PERSONAL_MOBILE_NOT_ACCOUNT')).toEqual(['subjectPrincipal.mobile:warning']);
  });
});
