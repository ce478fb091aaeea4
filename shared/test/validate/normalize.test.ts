import { normalizeDraftField } from '../../src/schemas/draft-normalize';
import { validateDomain, validateEmail, validateMobile, validateUscc } from '../../src/validate';
import { normalizeCode, normalizeDomain, normalizeIcpNumber, normalizePhone } from '../../src/validate/normalize';

describe('normalize', () => {
  it('should write full-width digits and letters in ASCII, without spaces, in upper case when normalizing a code', () => {
    expect(normalizeCode(' ９１４４ ０３００ ７１５２６７２６０ｎ ')).toBe('91440300715267260N');
  });

  it('should turn a trailing lower-case x into X when normalizing an ID number', () => {
    expect(normalizeCode('11010519491231002x')).toBe('11010519491231002X');
  });

  it.each([
    ['example。cn', 'example.cn'],
    ['ＥＸＡＭＰＬＥ．ＣＯＭ', 'example.com'],
    [' www.example｡com.cn ', 'www.example.com.cn'],
    ['中文网。中国', '中文网.中国'],
  ])('should read %s as %s when normalizing a domain', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it('should write a full-width dash and digits in ASCII when normalizing an ICP number', () => {
    expect(normalizeIcpNumber('粤ICP备２０２４１２３４５６号－３')).toBe('粤ICP备2024123456号-3');
  });

  it('should drop spaces and full-width digits when normalizing a phone', () => {
    expect(normalizePhone('１３８ ００１３ ８０００')).toBe('13800138000');
  });
});

describe('validators on full-width input', () => {
  it('should accept example。cn as example.cn when validating a domain', () => {
    expect(validateDomain('example。cn')).toEqual({ ok: true, value: 'example.cn' });
  });

  it('should accept a full-width credit code when validating a USCC', () => {
    expect(validateUscc('９１４４０３００７１５２６７２６０Ｎ')).toEqual({ ok: true, value: '91440300715267260N' });
  });

  it('should accept a full-width mobile when validating a mobile', () => {
    expect(validateMobile('１３８００１３８０００')).toEqual({ ok: true, value: '13800138000' });
  });

  it('should accept a full-width at sign and ideographic dot when validating an e-mail', () => {
    expect(validateEmail('zhang＠example。com')).toEqual({ ok: true, value: 'zhang@example.com' });
  });
});

describe('normalizeDraftField', () => {
  it('should normalize a domain by the key it sits under when the path has indexes', () => {
    expect(normalizeDraftField('websites.0.domains.1', 'Example。CN')).toBe('example.cn');
  });

  it('should leave free text as typed when the key holds a name', () => {
    expect(normalizeDraftField('subject.name', '张 三 ')).toBe('张 三 ');
  });
});
