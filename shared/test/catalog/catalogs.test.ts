import * as catalog from '../../src/catalog';
import {
  APP_PLATFORMS,
  APPROVED_TLDS,
  AREA_CODES,
  LANGUAGES,
  PERSON_CERTIFICATE_TYPE_KEYS,
  PERSON_CERTIFICATE_TYPES,
  PRE_APPROVAL_TYPES,
  PROVINCES,
  PUBLIC_SUFFIXES,
  SERVICE_CONTENTS,
  SUBJECT_NATURE_KEYS,
  SUBJECT_NATURES,
  UNIT_CERTIFICATE_TYPES,
  WEBSITE_NAME_WORDS,
  certificateTypesForNature,
  preApprovalKeywordHits,
  provinceByAbbr,
} from '../../src/catalog';
import { cityByCode, provinceOf } from '../../src/catalog/regions';

const KEYED_LISTS = {
  SUBJECT_NATURES,
  PERSON_CERTIFICATE_TYPES,
  UNIT_CERTIFICATE_TYPES,
  PRE_APPROVAL_TYPES,
  SERVICE_CONTENTS,
  LANGUAGES,
  APP_PLATFORMS,
};

const SOURCED_LISTS = { ...KEYED_LISTS, PROVINCES, AREA_CODES };

describe('catalogs', () => {
  it.each(Object.entries(KEYED_LISTS))('should have unique ASCII keys and unique labels when reading %s', (_name, list) => {
    const keys = list.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(list.map((entry) => entry.label)).size).toBe(list.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  it.each(Object.entries(SOURCED_LISTS))('should give every entry a source and an ISO date when reading %s', (_name, list) => {
    for (const entry of list) {
      expect(entry.source.length).toBeGreaterThan(0);
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it.each([APPROVED_TLDS, PUBLIC_SUFFIXES, WEBSITE_NAME_WORDS])('should carry a source and a date when the list is a data module', (list) => {
    expect(list.source.length).toBeGreaterThan(0);
    expect(list.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('should list every nature key exactly once when the natures catalog is built', () => {
    expect(SUBJECT_NATURES.map((nature) => nature.key)).toEqual([...SUBJECT_NATURE_KEYS]);
    expect(PERSON_CERTIFICATE_TYPES.map((type) => type.key)).toEqual([...PERSON_CERTIFICATE_TYPE_KEYS]);
  });

  it('should offer at least one certificate type for every nature', () => {
    for (const key of SUBJECT_NATURE_KEYS) expect(certificateTypesForNature(key).length).toBeGreaterThan(0);
    expect(certificateTypesForNature('personal')).toBe(PERSON_CERTIFICATE_TYPES);
  });

  it('should cover the 31 mainland provinces with distinct abbreviations and codes', () => {
    expect(PROVINCES).toHaveLength(31);
    const abbreviations = PROVINCES.flatMap((province) => [province.abbr, ...province.aliases]);
    expect(new Set(abbreviations).size).toBe(abbreviations.length);
    expect(new Set(PROVINCES.map((province) => province.code)).size).toBe(31);
    for (const abbr of '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼') expect(provinceByAbbr(abbr)).toBeDefined();
  });

  it('should name each province as the GB/T 2260 region data does', () => {
    for (const province of PROVINCES) expect(provinceOf(`${province.code}0000`)?.name).toBe(province.name);
  });

  it('should point every area code at cities that exist in the region data', () => {
    for (const entry of AREA_CODES) {
      for (const prefix of entry.regions) {
        const exists = prefix.length === 2 ? provinceOf(`${prefix}0000`) : cityByCode(`${prefix}00`);
        expect({ areaCode: entry.areaCode, prefix, exists: exists !== undefined }).toEqual({ areaCode: entry.areaCode, prefix, exists: true });
      }
    }
    const areaCodes = AREA_CODES.map((entry) => entry.areaCode);
    expect(new Set(areaCodes).size).toBe(areaCodes.length);
  });

  it('should give every province capital an area code', () => {
    const capitals = [
      '1101',
      '1201',
      '1301',
      '1401',
      '1501',
      '2101',
      '2201',
      '2301',
      '3101',
      '3201',
      '3301',
      '3401',
      '3501',
      '3601',
      '3701',
      '4101',
      '4201',
      '4301',
      '4401',
      '4501',
      '4601',
      '5001',
      '5101',
      '5201',
      '5301',
      '5401',
      '6101',
      '6201',
      '6301',
      '6401',
      '6501',
    ];
    for (const city of capitals) expect(catalog.areaCodesForRegion(`${city}02`).length).toBeGreaterThan(0);
  });

  it('should mark the nationally cancelled 前置审批 types while keeping them selectable', () => {
    const cancelled = PRE_APPROVAL_TYPES.filter((type) => type.cancelledNationally).map((type) => type.label);
    expect(cancelled).toEqual(['教育', '医疗保健', '电子公告']);
    for (const type of PRE_APPROVAL_TYPES) expect(type.approvingBody && type.documentName).toBeTruthy();
  });

  it('should find the finance approval when a text mentions 众筹', () => {
    expect(preApprovalKeywordHits('校园众筹互助')).toEqual([{ preApproval: 'internet_finance', keyword: '众筹' }]);
  });

  it('should refuse .io .me .dev .asia when reading the approved TLD list', () => {
    for (const tld of ['io', 'me', 'dev', 'hk', 'tw', 'asia', 'jp', 'win']) expect(APPROVED_TLDS.tlds).not.toContain(tld);
    for (const tld of ['com', 'cn', 'net', 'top', 'xyz', 'vip', 'club', '中国', '公益', '政务']) expect(APPROVED_TLDS.tlds).toContain(tld);
  });

  it('should keep the region data out of the catalog index when the main package imports it', () => {
    expect(Object.keys(catalog)).not.toEqual(expect.arrayContaining(['provinceOf']));
    expect(Object.keys(catalog).some((name) => /^(PROVINCE|CITY|DISTRICT)_NAMES$/.test(name))).toBe(false);
  });
});
