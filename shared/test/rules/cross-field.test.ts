import { hasBlockingFindings, inFlightOrderFindings, precheck } from '../../src/rules';
import { app, OTHER_ID, personalDraft, principal, unitDraft, website } from '../../src/testing/draft-fixtures';
import { personalCheck, unitCheck } from './precheck.factory';

const codes = (findings: { code: string }[]) => findings.map((finding) => finding.code);
const otherPerson = (over = {}) => principal({ name: '李四', certificateNumber: OTHER_ID, mobile: '13700137000', email: 'lisi@example.com', ...over });

describe('precheck on clean drafts', () => {
  it('should find nothing when a personal draft is consistent', () => {
    expect(precheck(personalDraft(), personalCheck())).toEqual([]);
  });

  it('should find nothing when a unit draft is consistent', () => {
    expect(precheck(unitDraft(), unitCheck())).toEqual([]);
  });

  it('should report shape errors as blocking findings when the draft has wrong types', () => {
    const findings = precheck({ websites: 'x' }, personalCheck());
    expect(findings).toEqual([expect.objectContaining({ path: 'websites', code: 'INVALID_TYPE', severity: 'error' })]);
  });
});

describe('services per order', () => {
  it('should refuse a second service when a personal first filing has two', () => {
    const draft = personalDraft({ websites: [website(), website({ domains: ['example.cn'] })] });
    expect(codes(precheck(draft, personalCheck()))).toEqual(['TOO_MANY_SERVICES']);
  });

  it('should accept ten services but refuse eleven when a unit files', () => {
    const sites = (n: number) => Array.from({ length: n }, (_, i) => website({ name: '示例科技官网', domains: [`s${i}.com`] }));
    expect(codes(precheck(unitDraft({ websites: sites(10) }), unitCheck()))).toEqual([]);
    expect(codes(precheck(unitDraft({ websites: sites(11) }), unitCheck()))).toEqual(['TOO_MANY_SERVICES']);
  });
});

describe('personal filer is the subject principal', () => {
  it('should refuse another name when the filing is personal', () => {
    const draft = personalDraft({ subjectPrincipal: { ...personalDraft().subjectPrincipal, name: '李四' } });
    expect(precheck(draft, personalCheck())).toEqual([expect.objectContaining({ path: 'subjectPrincipal.name', code: 'PERSONAL_PRINCIPAL_NOT_SUBJECT' })]);
  });

  it('should refuse a mobile when it is not the account phone', () => {
    expect(codes(precheck(personalDraft(), personalCheck({ accountMobile: '13900000000' })))).toEqual(['PERSONAL_MOBILE_NOT_ACCOUNT']);
    expect(precheck(personalDraft(), personalCheck({ accountMobile: '+86 138-0013-8000' }))).toEqual([]);
  });
});

describe('phones and emails of people', () => {
  it('should refuse a mobile when another subject already uses it', () => {
    const findings = precheck(personalDraft(), personalCheck({ mobilesOfOtherSubjects: ['13800138000'] }));
    expect(findings.map((finding) => finding.path)).toEqual(['subjectPrincipal.mobile', 'websites.0.principal.mobile']);
    expect(precheck(personalDraft(), personalCheck({ mobilesOfOtherSubjects: ['13900000000'] }))).toEqual([]);
  });

  it('should refuse the same mobile when two different people give it', () => {
    const draft = unitDraft({ websites: [website({ name: '示例科技官网', principal: otherPerson({ mobile: '13800138000' }) })] });
    expect(precheck(draft, unitCheck())).toEqual([expect.objectContaining({ path: 'websites.0.principal.mobile', code: 'MOBILE_SHARED_BY_DIFFERENT_PEOPLE' })]);
  });

  it('should refuse the same email when two different people give it', () => {
    const draft = unitDraft({ websites: [website({ name: '示例科技官网', principal: otherPerson({ email: 'ZhangSan@example.com' }) })] });
    expect(precheck(draft, unitCheck())).toEqual([expect.objectContaining({ path: 'websites.0.principal.email', code: 'EMAIL_SHARED_BY_DIFFERENT_PEOPLE' })]);
  });

  it('should accept different contacts when the people differ', () => {
    expect(precheck(unitDraft({ websites: [website({ name: '示例科技官网', principal: otherPerson() })] }), unitCheck())).toEqual([]);
  });

  it('should refuse an emergency phone when it equals the own mobile', () => {
    const draft = unitDraft({ subjectPrincipal: principal({ phone2: '0591-87654321', emergencyPhone: '138 0013 8000' }) });
    expect(precheck(draft, unitCheck())).toEqual([expect.objectContaining({ path: 'subjectPrincipal.emergencyPhone', code: 'EMERGENCY_EQUALS_MOBILE' })]);
    const fine = unitDraft({ subjectPrincipal: principal({ phone2: '0591-87654321', emergencyPhone: '0591-87654322' }) });
    expect(precheck(fine, unitCheck())).toEqual([]);
  });
});

describe('domains', () => {
  const holder = (over = {}) => ({
    domain: 'example.com',
    holderName: '张三',
    holderCertificateNumber: '11010519491231002X',
    expiresAt: '2027-01-01',
    verifiedAt: '2025-01-01',
    ...over,
  });
  const withHolder = (over = {}) => personalDraft({ websites: [website({ domainHolders: [holder(over)] })] });

  it('should accept the domain when its holder is the subject', () => {
    expect(precheck(withHolder(), personalCheck())).toEqual([]);
  });

  it('should refuse the domain when its holder is someone else', () => {
    expect(precheck(withHolder({ holderName: '李四' }), personalCheck())).toEqual([
      expect.objectContaining({ path: 'websites.0.domains.0', code: 'DOMAIN_HOLDER_NOT_SUBJECT', severity: 'error' }),
    ]);
  });

  it('should refuse an expired domain and warn when less than three months are left', () => {
    expect(codes(precheck(withHolder({ expiresAt: '2025-06-30' }), personalCheck()))).toEqual(['DOMAIN_EXPIRED']);
    const soon = precheck(withHolder({ expiresAt: '2025-09-01' }), personalCheck());
    expect(soon).toEqual([expect.objectContaining({ code: 'DOMAIN_EXPIRES_SOON', severity: 'warning' })]);
  });

  it('should warn when the real-name check is only days old', () => {
    expect(codes(precheck(withHolder({ verifiedAt: '2025-06-30' }), personalCheck()))).toEqual(['DOMAIN_REAL_NAME_TOO_RECENT']);
  });

  it('should refuse a domain when it is entered twice', () => {
    const draft = unitDraft({
      websites: [website({ name: '示例科技官网', domains: ['a.com', 'b.com'] }), website({ name: '示例科技商城', domains: ['A.com'] })],
    });
    expect(precheck(draft, unitCheck())).toEqual([expect.objectContaining({ path: 'websites.1.domains.0', code: 'DOMAIN_DUPLICATE' })]);
  });
});

describe('前置审批 keywords and naming', () => {
  it('should warn a unit when the name suggests 前置审批 that is not declared', () => {
    const findings = precheck(unitDraft({ websites: [website({ name: '示例科技理财' })] }), unitCheck());
    expect(findings).toEqual([
      expect.objectContaining({ path: 'websites.0.name', code: 'PRE_APPROVAL_KEYWORD', severity: 'warning', message: expect.stringContaining('互联网金融') }),
    ]);
    expect(hasBlockingFindings(findings)).toBe(false);
  });

  it('should not warn when the unit declared the approval', () => {
    const preApprovals = [{ type: 'internet_finance', approvalNumber: 'X1', fileId: 'f' }];
    expect(precheck(unitDraft({ websites: [website({ name: '示例科技理财', preApprovals })] }), unitCheck())).toEqual([]);
  });

  it('should tell a personal filer to change the wording when a remark mentions games', () => {
    const draft = personalDraft({ websites: [website({ remark: '记录我玩过的游戏和读过的书，分享一些心得体会和感悟。' })] });
    expect(precheck(draft, personalCheck())).toEqual([
      expect.objectContaining({ path: 'websites.0.remark', code: 'PRE_APPROVAL_KEYWORD', message: expect.stringContaining('个人备案不能') }),
    ]);
  });

  it('should check APP names too', () => {
    const draft = unitDraft({ websites: undefined, apps: [app({ name: '示例科技支付', principal: principal() })] });
    expect(codes(precheck(draft, unitCheck({ serviceType: 'app' })))).toEqual(['PRE_APPROVAL_KEYWORD']);
  });

  it('should warn a unit when the site name is unrelated to the unit name', () => {
    expect(codes(precheck(unitDraft({ websites: [website({ name: '快乐读书笔记' })] }), unitCheck()))).toEqual(['WEBSITE_NAME_SUBJECT_UNRELATED']);
  });

  it('should not apply the unit naming advice when the filing is personal', () => {
    expect(precheck(personalDraft({ websites: [website({ name: '快乐读书笔记' })] }), personalCheck())).toEqual([]);
  });
});

describe('certificates and letters', () => {
  it('should refuse a certificate when less than three months of validity are left', () => {
    const draft = personalDraft({ subjectPrincipal: { ...personalDraft().subjectPrincipal, validTo: '2025-09-30' } });
    expect(precheck(draft, personalCheck())).toEqual([expect.objectContaining({ path: 'subjectPrincipal.validTo', code: 'VALIDITY_TOO_SHORT' })]);
    const longTerm = personalDraft({ subjectPrincipal: { ...personalDraft().subjectPrincipal, validTo: undefined, longTerm: true } });
    expect(precheck(longTerm, personalCheck())).toEqual([]);
  });

  it('should refuse a letter when it was signed more than three months ago or in the future', () => {
    const letter = (signedAt: string) => unitDraft({ materials: [...unitDraft().materials!, { kind: 'authorization_letter', fileId: 'a', signedAt }] });
    expect(codes(precheck(letter('2025-03-31'), unitCheck()))).toEqual(['LETTER_TOO_OLD']);
    expect(codes(precheck(letter('2025-07-02'), unitCheck()))).toEqual(['LETTER_SIGNED_IN_FUTURE']);
    expect(precheck(letter('2025-04-01'), unitCheck())).toEqual([]);
  });
});

describe('APP package names', () => {
  const pkg = (platform: string, packageName: string) => ({ platform, packageName, publicKey: 'k', fingerprint: 'A'.repeat(platform === 'ios' ? 40 : 32) });
  const apps = (...list: ReturnType<typeof pkg>[][]) =>
    unitDraft({ websites: undefined, apps: list.map((packages, i) => app({ name: `示例科技应用${i}`, packages })) });

  it('should accept one package name when the same APP runs on several platforms', () => {
    expect(precheck(apps([pkg('android', 'com.example.a'), pkg('ios', 'com.example.a')]), unitCheck({ serviceType: 'app' }))).toEqual([]);
  });

  it('should refuse a package name when it repeats on the same platform', () => {
    const findings = precheck(apps([pkg('android', 'com.example.a'), pkg('android', 'com.example.a')]), unitCheck({ serviceType: 'app' }));
    expect(findings).toEqual([expect.objectContaining({ path: 'apps.0.packages.1.packageName', code: 'PACKAGE_NAME_DUPLICATE_ON_PLATFORM' })]);
  });

  it('should refuse a package name when another APP of the subject uses it', () => {
    const findings = precheck(apps([pkg('android', 'com.example.a')], [pkg('ios', 'com.example.a')]), unitCheck({ serviceType: 'app' }));
    expect(findings).toEqual([expect.objectContaining({ path: 'apps.1.packages.0.packageName', code: 'PACKAGE_NAME_USED_BY_OTHER_APP' })]);
  });
});

describe('in-flight orders', () => {
  it('should block when the account or the subject has an open order', () => {
    expect(codes(inFlightOrderFindings({ openOrdersOfAccount: 1, openOrdersOfSubject: 1 }))).toEqual([
      'ACCOUNT_HAS_ORDER_IN_FLIGHT',
      'SUBJECT_HAS_ORDER_IN_FLIGHT',
    ]);
    expect(hasBlockingFindings(inFlightOrderFindings({ openOrdersOfAccount: 1, openOrdersOfSubject: 0 }))).toBe(true);
  });

  it('should not block when nothing else is open', () => {
    expect(inFlightOrderFindings({ openOrdersOfAccount: 0, openOrdersOfSubject: 0 })).toEqual([]);
  });
});
