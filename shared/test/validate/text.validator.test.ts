import { validateRemark } from '../../src/validate/text.validator';

describe('validateRemark', () => {
  it('should accept a remark of 20 characters when it is exactly the minimum', () => {
    const remark = '本网站用于展示公司产品介绍和联系方式信息';
    expect(Array.from(remark)).toHaveLength(20);
    expect(validateRemark(` ${remark} `)).toEqual({ ok: true, value: remark });
  });

  it.each([
    ['', 'REQUIRED'],
    ['个人博客', 'REMARK_TOO_SHORT'],
    ['介'.repeat(201), 'REMARK_TOO_LONG'],
  ])('should refuse %j with %s', (remark, code) => {
    expect(validateRemark(remark)).toEqual({ ok: false, code });
  });

  it('should accept 200 characters when it is exactly the maximum', () => {
    expect(validateRemark('介'.repeat(200)).ok).toBe(true);
  });
});
