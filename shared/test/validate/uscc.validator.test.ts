import fc from 'fast-check';
import { PROVINCES } from '../../src/catalog/provinces.catalog';
import { USCC_CHARSET, usccCheckChar, validateUscc } from '../../src/validate/uscc.validator';

describe('validateUscc', () => {
  it.each(['91440300708461136T', '91110000802100433B', '91110108551385082Q', '91330100716105852F', '911100007109311097'])(
    'should accept %s when it is a real credit code',
    (code) => {
      expect(validateUscc(code)).toEqual({ ok: true, value: code });
    },
  );

  it('should upper-case and drop spaces when the code is typed loosely', () => {
    expect(validateUscc(' 91440300 708461136t ')).toEqual({ ok: true, value: '91440300708461136T' });
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('should refuse the letter %s when it appears in a credit code', (letter) => {
    expect(validateUscc(`9144030070846113${letter}T`)).toEqual({ ok: false, code: 'USCC_CHARSET' });
  });

  it.each([
    ['', 'REQUIRED'],
    ['9144030070846113', 'USCC_LENGTH'],
    ['91440300708461136T1', 'USCC_LENGTH'],
    ['914403007084611-6T', 'USCC_CHARSET'],
    ['B1440300708461136T', 'USCC_REGISTRY'],
    ['90440300708461136T', 'USCC_REGISTRY'],
    ['91990300708461136T', 'USCC_DIVISION'],
    ['9144A300708461136T', 'USCC_DIVISION'],
    ['91440300708461136U', 'USCC_CHECKSUM'],
  ])('should refuse %j with %s', (code, expected) => {
    expect(validateUscc(code)).toEqual({ ok: false, code: expected });
  });

  describe('properties', () => {
    const validCode = fc
      .record({
        registry: fc.constantFrom(...'123456789ANY'),
        category: fc.constantFrom(...'123456789'),
        province: fc.constantFrom(...PROVINCES.map((province) => province.code)),
        area: fc.stringMatching(/^\d{4}$/),
        body: fc.array(fc.constantFrom(...USCC_CHARSET), { minLength: 9, maxLength: 9 }),
      })
      .map(({ registry, category, province, area, body }) => {
        const first17 = `${registry}${category}${province}${area}${body.join('')}`;
        return first17 + usccCheckChar(first17);
      });

    it('should accept every generated code when it is built by the GB 32100 rule', () => {
      fc.assert(fc.property(validCode, (code) => validateUscc(code).ok));
    });

    it('should refuse the code when any single character is changed', () => {
      const change = fc.tuple(validCode, fc.nat(17), fc.constantFrom(...USCC_CHARSET, 'I', 'O', 'S', 'V', 'Z'));
      fc.assert(
        fc.property(change, ([code, index, char]) => {
          fc.pre(code[index] !== char);
          return !validateUscc(code.slice(0, index) + char + code.slice(index + 1)).ok;
        }),
      );
    });
  });
});
