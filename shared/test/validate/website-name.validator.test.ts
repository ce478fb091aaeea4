import { validateWebsiteName, websiteNameFindings } from '../../src/validate/website-name.validator';

describe('validateWebsiteName', () => {
  it.each([
    ['张三的读书笔记', 'personal'],
    ['小王摄影作品集', 'personal'],
    ['腾讯科技官网', 'unit'],
    ['ABC科技官网', 'unit'],
  ] as const)('should accept %s when it follows the naming rules for a %s filing', (name, subjectType) => {
    expect(validateWebsiteName(name, { subjectType })).toEqual({ ok: true, value: name });
  });

  it.each([
    ['', 'personal', 'REQUIRED'],
    ['example.com', 'unit', 'WEBSITE_NAME_IS_DOMAIN'],
    ['我的网站!', 'personal', 'WEBSITE_NAME_SPECIAL_SYMBOLS'],
    ['读书 笔记本', 'personal', 'WEBSITE_NAME_SPECIAL_SYMBOLS'],
    ['123456', 'personal', 'WEBSITE_NAME_DIGITS_OR_LATIN'],
    ['MyBlog', 'personal', 'WEBSITE_NAME_DIGITS_OR_LATIN'],
    ['笔记', 'personal', 'WEBSITE_NAME_TOO_SHORT'],
    ['A笔记B', 'personal', 'WEBSITE_NAME_TOO_SHORT'],
    ['中国美食网', 'unit', 'WEBSITE_NAME_FORBIDDEN_PREFIX'],
    ['国家地理爱好者', 'personal', 'WEBSITE_NAME_FORBIDDEN_PREFIX'],
    ['快乐彩票分析', 'unit', 'WEBSITE_NAME_SENSITIVE'],
    ['张三科技公司', 'personal', 'WEBSITE_NAME_PERSONAL_ORGANIZATION'],
    ['小李的技术论坛', 'personal', 'WEBSITE_NAME_PERSONAL_ORGANIZATION'],
  ] as const)('should refuse %j for a %s filing with %s', (name, subjectType, code) => {
    expect(validateWebsiteName(name, { subjectType })).toEqual({ ok: false, code });
  });

  it('should refuse the name when it equals the site domain written in Chinese', () => {
    expect(validateWebsiteName('例子.中国', { subjectType: 'unit', domain: 'xn--fsqu00a.xn--fiqs8s' })).toEqual({
      ok: false,
      code: 'WEBSITE_NAME_IS_DOMAIN',
    });
  });

  it('should allow 中国 at the start when the subject is a government body', () => {
    expect(validateWebsiteName('中国政府网站', { subjectType: 'unit', subjectNature: 'government' }).ok).toBe(true);
  });
});

describe('websiteNameFindings', () => {
  it('should list every problem when a personal name breaks several rules', () => {
    const codes = websiteNameFindings('中国彩票公司', { subjectType: 'personal' }).map((finding) => finding.code);
    expect(codes).toEqual(['WEBSITE_NAME_FORBIDDEN_PREFIX', 'WEBSITE_NAME_SENSITIVE', 'WEBSITE_NAME_PERSONAL_ORGANIZATION']);
  });

  it('should warn about 前置审批 keywords when the name mentions finance', () => {
    const findings = websiteNameFindings('安心理财知识', { subjectType: 'unit' });
    expect(findings).toEqual([{ code: 'WEBSITE_NAME_PRE_APPROVAL', severity: 'warning', word: '理财', preApproval: 'internet_finance' }]);
  });

  it('should warn when a unit site name shares nothing with the unit name', () => {
    const findings = websiteNameFindings('美食菜谱大全', { subjectType: 'unit', subjectName: '深圳市腾讯计算机系统有限公司' });
    expect(findings).toEqual([{ code: 'WEBSITE_NAME_SUBJECT_UNRELATED', severity: 'warning' }]);
  });

  it('should not warn when a unit site name contains part of the unit name', () => {
    expect(websiteNameFindings('腾讯计算机官网', { subjectType: 'unit', subjectName: '深圳市腾讯计算机系统有限公司' })).toEqual([]);
  });
});
