import { gb11643CheckChar } from '../../src/validate/gb11643';
import {
  lastSixForSms,
  validateCertificateNumber,
  validateForeignPermanentResidence,
  validateHkMacauPermit,
  validatePassport,
  validateTaiwanPermit,
} from '../../src/validate/certificate.validator';

const TODAY = new Date('2025-06-27T04:00:00Z');

describe('person certificates', () => {
  it.each([
    [validatePassport, 'E12345678', 'E12345678'],
    [validatePassport, 'ea1234567', 'EA1234567'],
    [validatePassport, 'X1234567 ', 'X1234567'],
    [validateHkMacauPermit, 'H12345678', 'H12345678'],
    [validateHkMacauPermit, 'm1234567801', 'M1234567801'],
    [validateTaiwanPermit, '12345678', '12345678'],
    [validateForeignPermanentResidence, 'usa123456789012', 'USA123456789012'],
  ])('should accept %p %s as %s', (validator, input, value) => {
    expect(validator(input)).toEqual({ ok: true, value });
  });

  it.each([
    [validatePassport, 'E12-34567', 'PASSPORT_FORMAT'],
    [validatePassport, 'E123', 'PASSPORT_FORMAT'],
    [validateHkMacauPermit, 'C12345678', 'HK_MACAU_PERMIT_FORMAT'],
    [validateHkMacauPermit, 'H1234567', 'HK_MACAU_PERMIT_FORMAT'],
    [validateTaiwanPermit, '1234567', 'TAIWAN_PERMIT_FORMAT'],
    [validateTaiwanPermit, 'T1234567', 'TAIWAN_PERMIT_FORMAT'],
    [validateForeignPermanentResidence, 'US1234567890123', 'FOREIGN_PR_FORMAT'],
    [validatePassport, ' ', 'REQUIRED'],
  ])('should refuse %p %j with %s', (validator, input, code) => {
    expect(validator(input)).toEqual({ ok: false, code });
  });

  it('should check the GB 11643 character when a 2023 permanent-residence card is entered', () => {
    const first17 = '93384019850101001';
    const check = gb11643CheckChar(first17);
    expect(validateForeignPermanentResidence(first17 + check).ok).toBe(true);
    expect(validateForeignPermanentResidence(first17 + (check === '0' ? '1' : '0'))).toEqual({ ok: false, code: 'FOREIGN_PR_CHECKSUM' });
  });
});

describe('validateCertificateNumber', () => {
  it('should use the resident ID rule when the type is resident_id', () => {
    expect(validateCertificateNumber('resident_id', '11010519491231002X', { today: TODAY }).ok).toBe(true);
    expect(validateCertificateNumber('resident_id', '110105491231002')).toEqual({ ok: false, code: 'ID_LEGACY_15' });
  });

  it('should use the credit-code rule when the unit certificate carries a USCC', () => {
    expect(validateCertificateNumber('business_license', '91440300708461136T')).toEqual({ ok: true, value: '91440300708461136T' });
    expect(validateCertificateNumber('public_institution_certificate', '91440300708461136U')).toEqual({ ok: false, code: 'USCC_CHECKSUM' });
  });

  it('should accept the number as printed when the certificate has a free-form number', () => {
    expect(validateCertificateNumber('military_code', 'JD(2019)-0012')).toEqual({ ok: true, value: 'JD(2019)-0012' });
    expect(validateCertificateNumber('military_code', '军字第1号')).toEqual({ ok: false, code: 'CERTIFICATE_NUMBER_FORMAT' });
  });

  it('should tell HK/Macau from Taiwan residence permits by their prefix', () => {
    const taiwan = '83000019760502002' + gb11643CheckChar('83000019760502002');
    expect(validateCertificateNumber('taiwan_residence_permit', taiwan, { today: TODAY }).ok).toBe(true);
    expect(validateCertificateNumber('hk_macau_residence_permit', taiwan, { today: TODAY })).toEqual({ ok: false, code: 'RESIDENCE_PERMIT_PREFIX' });
  });

  it('should refuse the number when the type is not in the catalog', () => {
    expect(validateCertificateNumber('library_card', '123456')).toEqual({ ok: false, code: 'CERTIFICATE_TYPE_UNKNOWN' });
  });
});

describe('lastSixForSms', () => {
  it.each([
    ['A1234567(8)', '567(8)'],
    ['A123456X', '23456X'],
    ['11010519491231002X', '31002X'],
    ['A1234567（8）', '567(8)'],
    ['H12345678', '345678'],
  ])('should give %s → %s as the MIIT SMS check asks', (number, expected) => {
    expect(lastSixForSms(number)).toBe(expected);
  });
});
