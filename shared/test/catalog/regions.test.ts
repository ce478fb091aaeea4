import {
  REGIONS_SOURCE,
  cityByCode,
  cityOf,
  citiesOf,
  districtByCode,
  districtsOf,
  provinceByRegionCode,
  provinceOf,
  regionByCode,
  regionPath,
} from '../../src/catalog/regions';

describe('regions', () => {
  it('should find the province, city and district when given a district code', () => {
    expect(provinceOf('440305')).toEqual({ code: '440000', name: '广东省', level: 'province' });
    expect(cityOf('440305')).toEqual({ code: '440300', name: '深圳市', level: 'city' });
    expect(districtByCode('440305')).toEqual({ code: '440305', name: '南山区', level: 'district' });
    expect(regionPath('440305')).toEqual(['广东省', '深圳市', '南山区']);
  });

  it('should look up a code at the level it names', () => {
    expect(regionByCode('330000')?.level).toBe('province');
    expect(regionByCode('330100')?.level).toBe('city');
    expect(regionByCode('330106')?.level).toBe('district');
    expect(provinceByRegionCode('330100')).toBeUndefined();
    expect(cityByCode('999900')).toBeUndefined();
    expect(regionByCode('999999')).toBeUndefined();
  });

  it('should list cities of a province and districts of a city', () => {
    expect(citiesOf('440000').map((city) => city.name)).toEqual(expect.arrayContaining(['广州市', '深圳市']));
    expect(districtsOf('110100').map((district) => district.name)).toEqual(expect.arrayContaining(['东城区', '朝阳区']));
    for (const district of districtsOf('330100')) expect(district.code.startsWith('3301')).toBe(true);
  });

  it('should say where the region data comes from', () => {
    expect(REGIONS_SOURCE.source).toContain('@vant/area-data');
  });
});
