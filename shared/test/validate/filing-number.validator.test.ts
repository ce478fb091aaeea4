import { validateIcpNumber, validatePsbNumber, validateServiceIcpNumber, validateSubjectIcpNumber } from '../../src/validate/filing-number.validator';

describe('validateSubjectIcpNumber and validateServiceIcpNumber', () => {
  it('should accept a subject number when it has no service suffix', () => {
    expect(validateSubjectIcpNumber('粤ICP备2024123456号')).toMatchObject({ ok: true, value: { number: '粤ICP备2024123456号', kind: 'subject' } });
  });

  it('should refuse a service number with its own code when a subject number is asked', () => {
    expect(validateSubjectIcpNumber('粤ICP备2024123456号-3')).toEqual({ ok: false, code: 'SUBJECT_ICP_NUMBER_FORMAT' });
  });

  it('should accept a service number and name its subject when it ends in -n', () => {
    expect(validateServiceIcpNumber('粤ICP备2024123456号-3')).toMatchObject({ ok: true, value: { serviceIndex: 3, subjectNumber: '粤ICP备2024123456号' } });
  });

  it('should refuse a subject number with its own code when a service number is asked', () => {
    expect(validateServiceIcpNumber('粤ICP备2024123456号')).toEqual({ ok: false, code: 'SERVICE_ICP_NUMBER_FORMAT' });
  });

  it('should read full-width digits, a lower-case icp, spaces and a full-width dash when the number is typed on a phone', () => {
    expect(validateServiceIcpNumber(' 粤icp备 ２０２４１２３４５６号－３ ')).toMatchObject({ ok: true, value: { number: '粤ICP备2024123456号-3' } });
  });

  it.each(['粤ICP备202412345号', 'ICP备2024123456号', '粤ICP2024123456号', '粤ICP备2024123456号-0'])('should refuse %s when its form is wrong', (input) => {
    expect(validateIcpNumber(input)).toEqual({ ok: false, code: 'ICP_NUMBER_FORMAT' });
  });
});

describe('validateIcpNumber', () => {
  it('should parse a service number with a 10-digit serial', () => {
    expect(validateIcpNumber('粤ICP备2024286477号-2')).toEqual({
      ok: true,
      value: {
        number: '粤ICP备2024286477号-2',
        kind: 'service',
        provinceAbbr: '粤',
        provinceCode: '44',
        serial: '2024286477',
        serviceIndex: 2,
        subjectNumber: '粤ICP备2024286477号',
      },
    });
  });

  it('should parse a subject number with an 8-digit serial', () => {
    expect(validateIcpNumber('京ICP备05000000号')).toEqual({
      ok: true,
      value: { number: '京ICP备05000000号', kind: 'subject', provinceAbbr: '京', provinceCode: '11', serial: '05000000', subjectNumber: '京ICP备05000000号' },
    });
  });

  it.each([
    ['黔ICP备2021001234号', '52'],
    ['滇ICP备12345678号-1', '53'],
    [' 浙icp备 2024012345号－3 ', '33'],
  ])('should accept %s when it uses a province abbreviation or alias', (number, provinceCode) => {
    const result = validateIcpNumber(number);
    expect(result.ok && result.value.provinceCode).toBe(provinceCode);
  });

  it.each([
    ['', 'REQUIRED'],
    ['粤ICP备202428647号', 'ICP_NUMBER_FORMAT'],
    ['粤ICP备2024286477', 'ICP_NUMBER_FORMAT'],
    ['粤ICP备2024286477号-0', 'ICP_NUMBER_FORMAT'],
    ['浙B2-20080101', 'ICP_NUMBER_FORMAT'],
    ['港ICP备2024286477号', 'ICP_NUMBER_PROVINCE'],
  ])('should refuse %j with %s', (number, code) => {
    expect(validateIcpNumber(number)).toEqual({ ok: false, code });
  });
});

describe('validatePsbNumber', () => {
  it('should parse the division code when the number is well formed', () => {
    expect(validatePsbNumber('京公网安备 11010502030143号')).toEqual({
      ok: true,
      value: { number: '京公网安备11010502030143号', provinceAbbr: '京', divisionCode: '110105' },
    });
  });

  it.each([
    ['', 'REQUIRED'],
    ['京公网安备1101050203014号', 'PSB_NUMBER_FORMAT'],
    ['京ICP备11010502030143号', 'PSB_NUMBER_FORMAT'],
    ['京公网安备99010502030143号', 'PSB_NUMBER_DIVISION'],
    ['粤公网安备11010502030143号', 'PSB_NUMBER_PROVINCE'],
  ])('should refuse %j with %s', (number, code) => {
    expect(validatePsbNumber(number)).toEqual({ ok: false, code });
  });
});
