import { validateMobile } from '../../src/validate/contact.validator';

describe('validateMobile', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['19912345678', '19912345678'],
    ['+86 138 0013 8000', '13800138000'],
    ['0086-13800138000', '13800138000'],
  ])('should accept %s as %s when it is a mainland mobile number', (input, value) => {
    expect(validateMobile(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'REQUIRED'],
    ['12800138000', 'MOBILE_FORMAT'],
    ['1380013800', 'MOBILE_FORMAT'],
    ['138001380001', 'MOBILE_FORMAT'],
    ['1380013800a', 'MOBILE_FORMAT'],
    ['+852 91234567', 'MOBILE_FORMAT'],
  ])('should refuse %j with %s', (input, code) => {
    expect(validateMobile(input)).toEqual({ ok: false, code });
  });
});
