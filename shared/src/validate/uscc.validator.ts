import { provinceByCode } from '../catalog/provinces.catalog';
import { normalizeCode } from './normalize';
import { invalid, valid, type Validation } from './result';

/** GB 32100-2015 character set: digits and upper-case letters without I, O, S, V, Z. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
/** 登记管理部门代码: 1 机构编制 … 9 市场监管, A 军队, N 农业农村, Y 其他. */
const REGISTRY_CODES = '123456789ANY';
/** Division prefixes besides the provinces: 10 for central-level bodies. */
const NON_PROVINCE_DIVISIONS = ['10'];

/** GB 32100 check character for the first 17 characters (all from `USCC_CHARSET`). */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return USCC_CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** 统一社会信用代码 (GB 32100-2015), normalized to upper case without spaces. */
export function validateUscc(input: string): Validation {
  const code = normalizeCode(input);
  if (code === '') return invalid('REQUIRED');
  if (code.length !== 18) return invalid('USCC_LENGTH');
  if ([...code].some((char) => !USCC_CHARSET.includes(char))) return invalid('USCC_CHARSET');
  if (!REGISTRY_CODES.includes(code[0] ?? '') || !/^[1-9]$/.test(code[1] ?? '')) return invalid('USCC_REGISTRY');
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division) || !(provinceByCode(division) || NON_PROVINCE_DIVISIONS.includes(division.slice(0, 2)))) {
    return invalid('USCC_DIVISION');
  }
  if (usccCheckChar(code) !== code[17]) return invalid('USCC_CHECKSUM');
  return valid(code);
}
