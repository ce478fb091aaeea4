import { validateFingerprint, validatePackageName } from '../../src/validate/app.validator';

describe('validatePackageName', () => {
  it.each(['com.tencent.mm', 'com.example.my_app', 'com.example.my-app', 'cn.gov.app2'])('should accept %s', (name) => {
    expect(validatePackageName(name)).toEqual({ ok: true, value: name });
  });

  it.each(['', 'myapp', 'com..example', '1com.example', 'com.1example', 'com.example.', 'com.例子.app', 'com example.app'])(
    'should refuse %j when it is not a package name',
    (name) => {
      expect(validatePackageName(name).ok).toBe(false);
    },
  );
});

describe('validateFingerprint', () => {
  const md5 = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const sha1 = 'A1B2C3D4E5F60718293A4B5C6D7E8F9012345678';

  it('should normalize an MD5 fingerprint to upper-case hex when it is typed in lower case', () => {
    expect(validateFingerprint(md5, 'md5')).toEqual({ ok: true, value: md5.toUpperCase() });
  });

  it('should accept colon-separated pairs when copied from keytool', () => {
    const colons = sha1.match(/../g)?.join(':') ?? '';
    expect(validateFingerprint(colons, 'sha1')).toEqual({ ok: true, value: sha1 });
  });

  it.each([
    [md5, 'sha1', 'FINGERPRINT_SHA1_FORMAT'],
    [sha1, 'md5', 'FINGERPRINT_MD5_FORMAT'],
    [`${md5.slice(0, 31)}g`, 'md5', 'FINGERPRINT_MD5_FORMAT'],
    ['A1B:2C3', 'md5', 'FINGERPRINT_MD5_FORMAT'],
    ['', 'md5', 'REQUIRED'],
  ] as const)('should refuse %j as %s with %s', (input, algo, code) => {
    expect(validateFingerprint(input, algo)).toEqual({ ok: false, code });
  });
});
