import { validateRemark } from '../../src/validate/text.validator';

describe('validateRemark', () => {
  it('should accept a short remark when it is under the advised 20 characters (a pre-check warning, not a field error)', () => {
    expect(validateRemark(' 个人博客 ')).toEqual({ ok: true, value: '个人博客' });
  });

  it.each([
    ['', 'REQUIRED'],
    ['介'.repeat(201), 'REMARK_TOO_LONG'],
  ])('should refuse %j with %s', (remark, code) => {
    expect(validateRemark(remark)).toEqual({ ok: false, code });
  });

  it('should accept 200 characters when it is exactly the maximum', () => {
    expect(validateRemark('介'.repeat(200)).ok).toBe(true);
  });
});
