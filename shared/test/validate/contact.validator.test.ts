import { validateEmail, validateLandline, validateMobile } from '../../src/validate/contact.validator';

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

describe('validateLandline', () => {
  it.each([
    ['0571-88888888', '0571-88888888'],
    ['057188888888', '0571-88888888'],
    ['(010)62345678', '010-62345678'],
    ['021 6234 5678', '021-62345678'],
    ['0755-8888888', '0755-8888888'],
    ['0755-86013388-123', '0755-86013388-123'],
    ['0755-86013388转123', '0755-86013388-123'],
    ['+86 571 88888888', '0571-88888888'],
  ])('should accept %s as %s when it has an area code', (input, value) => {
    expect(validateLandline(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'REQUIRED'],
    ['88888888', 'LANDLINE_FORMAT'],
    ['13800138000', 'LANDLINE_FORMAT'],
    ['0571-0888888', 'LANDLINE_FORMAT'],
    ['0571-888888888', 'LANDLINE_FORMAT'],
    ['0011-88888888', 'LANDLINE_AREA_CODE_UNKNOWN'],
    ['0123-88888888', 'LANDLINE_AREA_CODE_UNKNOWN'],
  ])('should refuse %j with %s', (input, code) => {
    expect(validateLandline(input)).toEqual({ ok: false, code });
  });

  it.each([
    ['0755-86013388', '440305', true],
    ['0755-86013388', '440300', true],
    ['020-86013388', '440305', false],
    ['010-62345678', '110105', true],
    ['0731-88888888', '430200', true],
    ['0898-66666666', '460200', true],
    ['029-88888888', '610404', true],
    ['0571-88888888', '330106', true],
    ['0571-88888888', '320505', false],
  ])('should check %s against address %s (local: %s)', (phone, cityCode, local) => {
    const result = validateLandline(phone, { cityCode });
    expect(result.ok ? 'ok' : result.code).toBe(local ? 'ok' : 'LANDLINE_AREA_CODE_MISMATCH');
  });

  it('should not judge the city when the area code is not in the bundled table', () => {
    expect(validateLandline('0750-3333333', { cityCode: '440305' }).ok).toBe(true);
  });
});

describe('validateEmail', () => {
  it.each([
    ['name@example.com', 'name@example.com'],
    [' Zhang.San+filing@Example.COM.cn ', 'Zhang.San+filing@example.com.cn'],
    ['12345@qq.com', '12345@qq.com'],
  ])('should accept %s as %s when it is an email address', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });

  it.each([
    '',
    'name',
    'name@',
    '@example.com',
    'name@example',
    'na me@example.com',
    'name@@example.com',
    '.name@example.com',
    'na..me@example.com',
    'name.@example.com',
    'name@-example.com',
  ])('should refuse %j when it is not an email address', (input) => {
    expect(validateEmail(input).ok).toBe(false);
  });
});
