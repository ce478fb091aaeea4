import fc from 'fast-check';
import { PROVINCES } from '../../src/catalog/provinces.catalog';
import { gb11643CheckChar } from '../../src/validate/gb11643';
import { validateResidencePermit, validateResidentId } from '../../src/validate/resident-id.validator';

const TODAY = new Date('2025-06-27T04:00:00Z');

function withCheckChar(first17: string): string {
  return first17 + gb11643CheckChar(first17);
}

describe('validateResidentId', () => {
  it.each(['11010519491231002X', '440524188001010014', '110101199003074477'])(
    'should accept %s when it is a real-format ID with a correct check character',
    (id) => {
      expect(validateResidentId(id, { today: TODAY })).toEqual({ ok: true, value: id });
    },
  );

  it('should trim surrounding spaces when the ID is pasted', () => {
    expect(validateResidentId(' 11010519491231002X ', { today: TODAY })).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('should read a lower-case x as the check character X when it is typed in lower case', () => {
    expect(validateResidentId('11010519491231002x', { today: TODAY })).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('should read full-width digits and spaces as typed on a Chinese keyboard when validating', () => {
    expect(validateResidentId('１１０１０５ １９４９１２３１００２ｘ', { today: TODAY })).toEqual({ ok: true, value: '11010519491231002X' });
  });

  it('should refuse the 15-digit legacy form with its own code when 15 digits are entered', () => {
    expect(validateResidentId('110105491231002', { today: TODAY })).toEqual({ ok: false, code: 'ID_LEGACY_15' });
  });

  it.each([
    ['', 'REQUIRED'],
    ['1101051949123100', 'ID_LENGTH'],
    ['11010519491231002XX', 'ID_LENGTH'],
    ['1101051949123100AX', 'ID_FORMAT'],
    ['11010519491231002Y', 'ID_FORMAT'],
    ['11010519491231003X', 'ID_CHECKSUM'],
    ['110105194912310021', 'ID_CHECKSUM'],
  ])('should refuse %j with %s', (id, code) => {
    expect(validateResidentId(id, { today: TODAY })).toEqual({ ok: false, code });
  });

  it.each(['00', '19', '71', '81', '99'])('should refuse division prefix %s when it is not a mainland province', (prefix) => {
    expect(validateResidentId(withCheckChar(`${prefix}010519900101001`), { today: TODAY })).toEqual({ ok: false, code: 'ID_DIVISION' });
  });

  it.each(['20000229', '20040229', '19960229'])('should accept Feb 29 when %s is in a leap year', (birth) => {
    expect(validateResidentId(withCheckChar(`110105${birth}001`), { today: TODAY }).ok).toBe(true);
  });

  it.each(['19000229', '20010229', '21000229', '19990230', '19991301', '19990001', '19990100', '19990431'])(
    'should refuse birth date %s when the date does not exist',
    (birth) => {
      expect(validateResidentId(withCheckChar(`110105${birth}001`), { today: TODAY })).toEqual({ ok: false, code: 'ID_BIRTH_DATE' });
    },
  );

  it('should refuse a birth date after today when the date is in the future', () => {
    expect(validateResidentId(withCheckChar('11010520250628001'), { today: TODAY })).toEqual({ ok: false, code: 'ID_BIRTH_FUTURE' });
  });

  it('should accept a birth date of today in China when the server clock is still on the previous UTC day', () => {
    const lateEveningUtc = new Date('2025-06-26T17:00:00Z');
    expect(validateResidentId(withCheckChar('11010520250627001'), { today: lateEveningUtc }).ok).toBe(true);
  });

  describe('properties', () => {
    const validId = fc
      .record({
        province: fc.constantFrom(...PROVINCES.map((province) => province.code)),
        area: fc.stringMatching(/^\d{4}$/),
        birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2025-06-26T00:00:00Z'), noInvalidDate: true }),
        sequence: fc.stringMatching(/^\d{3}$/),
      })
      .map(({ province, area, birth, sequence }) => withCheckChar(`${province}${area}${birth.toISOString().slice(0, 10).replace(/-/g, '')}${sequence}`));

    it('should accept every generated ID when it is built by the GB 11643 rule', () => {
      fc.assert(fc.property(validId, (id) => validateResidentId(id, { today: TODAY }).ok));
    });

    it('should refuse the ID when any single character is changed', () => {
      const change = fc.tuple(validId, fc.nat(17), fc.constantFrom(...'0123456789X'));
      fc.assert(
        fc.property(change, ([id, index, char]) => {
          fc.pre(id[index] !== char);
          const changed = id.slice(0, index) + char + id.slice(index + 1);
          return !validateResidentId(changed, { today: TODAY }).ok;
        }),
      );
    });
  });
});

describe('validateResidencePermit', () => {
  it.each(['810000199408230021', '820000200009100032', '830000197605020021'].map((id) => withCheckChar(id.slice(0, 17))))(
    'should accept %s when the prefix is 81/82/83 and the check character is right',
    (id) => {
      expect(validateResidencePermit(id, { today: TODAY })).toEqual({ ok: true, value: id });
    },
  );

  it.each([
    ['110105199001010011', 'RESIDENCE_PERMIT_PREFIX'],
    ['8100001994082300', 'RESIDENCE_PERMIT_FORMAT'],
  ])('should refuse %s with %s', (id, code) => {
    expect(validateResidencePermit(id, { today: TODAY })).toEqual({ ok: false, code });
  });

  it('should refuse the permit when the check character is wrong', () => {
    const id = withCheckChar('81000019940823002');
    const wrong = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(validateResidencePermit(wrong, { today: TODAY })).toEqual({ ok: false, code: 'RESIDENCE_PERMIT_CHECKSUM' });
  });

  it('should refuse the permit when the birth date does not exist', () => {
    expect(validateResidencePermit(withCheckChar('81000019990229002'), { today: TODAY })).toEqual({ ok: false, code: 'RESIDENCE_PERMIT_BIRTH_DATE' });
  });
});
