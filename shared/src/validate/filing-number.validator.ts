import { provinceByAbbr, provinceByCode } from '../catalog/provinces.catalog';
import { normalizeIcpNumber, normalizePhone } from './normalize';
import { invalid, valid, type Validation } from './result';

export interface IcpNumber {
  /** Normalized number, e.g. 粤ICP备2024286477号-2. */
  number: string;
  kind: 'subject' | 'service';
  provinceAbbr: string;
  /** GB/T 2260 two-digit province code. */
  provinceCode: string;
  /** 10 digits (4-digit year + 6) since the 2010s, 8 digits (2-digit year + 6) before. */
  serial: string;
  /** The service's index after the dash; undefined for a subject number. */
  serviceIndex?: number;
  /** The subject number the service number belongs to. */
  subjectNumber: string;
}

const ICP = /^(\p{Script=Han})ICP备(\d{8}|\d{10})号(?:-([1-9]\d{0,3}))?$/u;

/** 主体备案号 `粤ICP备2024286477号` or 服务备案号 `粤ICP备2024286477号-2`. */
export function validateIcpNumber(input: string): Validation<IcpNumber> {
  const compact = normalizeIcpNumber(input);
  if (compact === '') return invalid('REQUIRED');
  const match = ICP.exec(compact);
  if (!match) return invalid('ICP_NUMBER_FORMAT');
  const [, abbr = '', serial = '', index] = match;
  const province = provinceByAbbr(abbr);
  if (!province) return invalid('ICP_NUMBER_PROVINCE');
  const subjectNumber = `${abbr}ICP备${serial}号`;
  return valid({
    number: compact,
    kind: index ? 'service' : 'subject',
    provinceAbbr: abbr,
    provinceCode: province.code,
    serial,
    ...(index ? { serviceIndex: Number(index) } : {}),
    subjectNumber,
  });
}

/** 主体备案号 (接入备案: "待接入主体的备案号"): `粤ICP备2024123456号`, without a service's `-n`. */
export function validateSubjectIcpNumber(input: string): Validation<IcpNumber> {
  const result = validateIcpNumber(input);
  return result.ok && result.value.kind !== 'subject' ? invalid('SUBJECT_ICP_NUMBER_FORMAT') : result;
}

/** 网站/APP 备案号 (接入备案: "待接入网站的备案号"): `粤ICP备2024123456号-3`. */
export function validateServiceIcpNumber(input: string): Validation<IcpNumber> {
  const result = validateIcpNumber(input);
  return result.ok && result.value.kind !== 'service' ? invalid('SERVICE_ICP_NUMBER_FORMAT') : result;
}

export interface PsbNumber {
  /** Normalized number, e.g. 京公网安备11010502030143号. */
  number: string;
  provinceAbbr: string;
  /** First six digits: the GB/T 2260 division of the public-security bureau. */
  divisionCode: string;
}

const PSB = /^(\p{Script=Han})公网安备(\d{14})号$/u;

/** 公安联网备案号: `<province abbr>公网安备 <14 digits>号`, the first six digits a division of that province. */
export function validatePsbNumber(input: string): Validation<PsbNumber> {
  const compact = normalizePhone(input);
  if (compact === '') return invalid('REQUIRED');
  const match = PSB.exec(compact);
  if (!match) return invalid('PSB_NUMBER_FORMAT');
  const [, abbr = '', digits = ''] = match;
  const division = provinceByCode(digits);
  if (!division) return invalid('PSB_NUMBER_DIVISION');
  if (provinceByAbbr(abbr)?.code !== division.code) return invalid('PSB_NUMBER_PROVINCE');
  return valid({ number: compact, provinceAbbr: abbr, divisionCode: digits.slice(0, 6) });
}
