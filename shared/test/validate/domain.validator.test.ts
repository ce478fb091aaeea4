import { registrableDomain, validateDomain } from '../../src/validate/domain.validator';

describe('validateDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['WWW.Example.COM', 'www.example.com'],
    ['example.com.cn', 'example.com.cn'],
    ['www.example.com.cn', 'www.example.com.cn'],
    ['example.bj.cn', 'example.bj.cn'],
    ['shenzhen.beian.qcloud.com', 'shenzhen.beian.qcloud.com'],
    ['中文.com', 'xn--fiq228c.com'],
    ['例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['xn--fsqu00a.xn--fiqs8s', 'xn--fsqu00a.xn--fiqs8s'],
    ['example.top', 'example.top'],
    ['my-site.xyz.', 'my-site.xyz'],
  ])('should accept %s as %s when the domain can be filed', (input, value) => {
    expect(validateDomain(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'REQUIRED'],
    ['https://example.com', 'DOMAIN_HAS_PROTOCOL'],
    ['example.com/index.html', 'DOMAIN_HAS_PROTOCOL'],
    ['example.com:8080', 'DOMAIN_HAS_PROTOCOL'],
    ['example', 'DOMAIN_FORMAT'],
    ['-example.com', 'DOMAIN_FORMAT'],
    ['exa_mple.com', 'DOMAIN_FORMAT'],
    ['example..com', 'DOMAIN_FORMAT'],
    ['192.168.1.1', 'DOMAIN_FORMAT'],
    [`${'a'.repeat(64)}.com`, 'DOMAIN_LABEL_LENGTH'],
    [`${'abcdefghi.'.repeat(26)}com`, 'DOMAIN_TOO_LONG'],
    ['example.io', 'DOMAIN_TLD_NOT_APPROVED'],
    ['example.me', 'DOMAIN_TLD_NOT_APPROVED'],
    ['example.dev', 'DOMAIN_TLD_NOT_APPROVED'],
    ['example.hk', 'DOMAIN_TLD_NOT_APPROVED'],
    ['com.cn', 'DOMAIN_NO_REGISTRABLE'],
    ['a.shenzhen.beian.qcloud.com', 'DOMAIN_TOO_MANY_LEVELS'],
    ['a.b.c.example.com.cn', 'DOMAIN_TOO_MANY_LEVELS'],
  ])('should refuse %j with %s', (input, code) => {
    expect(validateDomain(input)).toEqual({ ok: false, code });
  });

  it('should accept a TLD from a replacement list when the bundled list refuses it', () => {
    const tlds = { source: 'test', date: '2030-01-01', tlds: ['io'] };
    expect(validateDomain('example.io', { tlds })).toEqual({ ok: true, value: 'example.io' });
    expect(validateDomain('example.com', { tlds })).toEqual({ ok: false, code: 'DOMAIN_TLD_NOT_APPROVED' });
  });

  it.each([
    ['institution', 'hospital.cn', true],
    ['institution', 'hospital.org.cn', true],
    ['institution', '医院.公益', true],
    ['institution', 'hospital.com', false],
    ['government', 'city.gov.cn', true],
    ['government', '市政府.政务', true],
    ['government', 'city.cn', false],
    ['enterprise', 'company.com', true],
  ])('should apply the %s domain endings to %s (allowed: %s)', (subjectNature, domain, allowed) => {
    const result = validateDomain(domain, { subjectNature });
    expect(result.ok).toBe(allowed);
  });

  it('should name the institution rule when a 事业单位 uses .com', () => {
    expect(validateDomain('school.com', { subjectNature: 'institution' })).toEqual({ ok: false, code: 'DOMAIN_INSTITUTION_SUFFIX' });
  });

  it('should name the government rule when a 政府机关 uses .cn without .gov', () => {
    expect(validateDomain('city.cn', { subjectNature: 'government' })).toEqual({ ok: false, code: 'DOMAIN_GOVERNMENT_SUFFIX' });
  });
});

describe('registrableDomain', () => {
  it.each([
    ['www.example.com', 'example.com'],
    ['a.b.example.com.cn', 'example.com.cn'],
    ['shop.example.gd.cn', 'example.gd.cn'],
    ['www.例子.中国', 'xn--fsqu00a.xn--fiqs8s'],
    ['example.cn', 'example.cn'],
  ])('should find %s registrable as %s', (domain, expected) => {
    expect(registrableDomain(domain)).toBe(expected);
  });

  it('should return undefined when the domain is only a public suffix', () => {
    expect(registrableDomain('gov.cn')).toBeUndefined();
  });
});
