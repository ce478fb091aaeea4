/**
 * GB/T 2260 regions: its own entry `@beian/shared/regions`, never re-exported from the catalog index,
 * so the ~100 KB of names stay out of the mini-program's main package.
 */
import { CITY_NAMES, DISTRICT_NAMES, PROVINCE_NAMES, REGIONS_SOURCE } from './regions.data';

export { REGIONS_SOURCE };

export type RegionLevel = 'province' | 'city' | 'district';

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
}

function region(code: string, level: RegionLevel, names: Readonly<Record<string, string>>): Region | undefined {
  const name = names[code];
  return name === undefined ? undefined : { code, name, level };
}

export function provinceByRegionCode(code: string): Region | undefined {
  return region(code, 'province', PROVINCE_NAMES);
}

export function cityByCode(code: string): Region | undefined {
  return region(code, 'city', CITY_NAMES);
}

export function districtByCode(code: string): Region | undefined {
  return region(code, 'district', DISTRICT_NAMES);
}

/** Any six-digit code at whichever level it names. */
export function regionByCode(code: string): Region | undefined {
  return districtByCode(code) ?? cityByCode(code) ?? provinceByRegionCode(code);
}

/** The province containing a province, city or district code. */
export function provinceOf(code: string): Region | undefined {
  return provinceByRegionCode(`${code.slice(0, 2)}0000`);
}

/** The prefecture-level city containing a city or district code. */
export function cityOf(code: string): Region | undefined {
  return cityByCode(`${code.slice(0, 4)}00`);
}

export function citiesOf(provinceCode: string): Region[] {
  const prefix = provinceCode.slice(0, 2);
  return Object.keys(CITY_NAMES)
    .filter((code) => code.startsWith(prefix))
    .map((code) => ({ code, name: CITY_NAMES[code] ?? '', level: 'city' }));
}

export function districtsOf(cityCode: string): Region[] {
  const prefix = cityCode.slice(0, 4);
  return Object.keys(DISTRICT_NAMES)
    .filter((code) => code.startsWith(prefix))
    .map((code) => ({ code, name: DISTRICT_NAMES[code] ?? '', level: 'district' }));
}

/** Province, city and district names of a code, e.g. ['广东省', '深圳市', '南山区'] for 440305. */
export function regionPath(code: string): string[] {
  return [provinceOf(code), cityOf(code), districtByCode(code)].flatMap((part) => (part ? [part.name] : []));
}
