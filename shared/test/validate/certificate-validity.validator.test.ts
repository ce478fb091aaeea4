import { validateCertificateValidity } from '../../src/validate/certificate-validity.validator';

const submitAt = new Date('2025-11-30T04:00:00Z');

describe('validateCertificateValidity', () => {
  it.each([
    { start: '2015-03-01', end: '2035-03-01' },
    { start: '2010-01-01', end: '长期' },
    { start: '2020-02-28', end: '2026-02-28' },
  ])('should accept %j when at least three months are left', (validity) => {
    expect(validateCertificateValidity(validity, { submitAt })).toEqual({ ok: true, value: validity });
  });

  it.each([
    [{ start: '', end: '长期' }, 'REQUIRED'],
    [{ start: '2015/03/01', end: '2035-03-01' }, 'VALIDITY_DATE_FORMAT'],
    [{ start: '2015-02-29', end: '2035-03-01' }, 'VALIDITY_DATE_FORMAT'],
    [{ start: '2015-03-01', end: '永久' }, 'VALIDITY_DATE_FORMAT'],
    [{ start: '2025-12-01', end: '2045-12-01' }, 'VALIDITY_START_FUTURE'],
    [{ start: '2020-03-01', end: '2020-03-01' }, 'VALIDITY_END_BEFORE_START'],
    [{ start: '2016-02-27', end: '2026-02-27' }, 'VALIDITY_TOO_SHORT'],
    [{ start: '2005-01-01', end: '2025-10-01' }, 'VALIDITY_TOO_SHORT'],
  ])('should refuse %j with %s', (validity, code) => {
    expect(validateCertificateValidity(validity, { submitAt })).toEqual({ ok: false, code });
  });
});
