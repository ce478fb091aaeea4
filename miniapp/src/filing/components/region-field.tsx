import { useEffect, useMemo, useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import { PROVINCES } from '@beian/shared';
import { citiesOf, districtsOf, regionPath, type Region } from '@beian/shared/regions';
import { useOrderStore } from '../../stores/order.store';
import { pathId, textAt } from '../../utils/draft-path.util';
import { FieldErrorText } from './draft-field';
import { RejectionNote, useFieldLocked } from './rejection-note';

type Wheel = [province: number, city: number, district: number];
type Provinces = readonly { code: string; name: string }[];

/** The cities of the wheel's province and the districts of its city. */
function columnsAt(provinces: Provinces, [province, city]: Wheel): { cities: Region[]; districts: Region[] } {
  const provinceCode = provinces[province]?.code;
  const cities = provinceCode ? citiesOf(`${provinceCode}0000`) : [];
  const cityCode = cities[city]?.code;
  return { cities, districts: cityCode ? districtsOf(cityCode) : [] };
}

/** Where the wheel stands for a district code (the first row of each column when none is chosen). */
function wheelAt(provinces: Provinces, code: string): Wheel {
  const province = Math.max(
    0,
    provinces.findIndex((item) => item.code === code.slice(0, 2)),
  );
  const city = Math.max(
    0,
    columnsAt(provinces, [province, 0, 0]).cities.findIndex((item) => item.code === `${code.slice(0, 4)}00`),
  );
  const district = Math.max(
    0,
    columnsAt(provinces, [province, city, 0]).districts.findIndex((item) => item.code === code),
  );
  return [province, city, district];
}

/**
 * 备案地区: province, city and district on one three-column wheel (Taro `Picker`, mode `multiSelector`) in WeChat and
 * in H5 alike, fed from the shared GB/T 2260 catalog so the draft keeps the district's six-digit code. The element id
 * is `pathId(path)`. `fixedProvince` (a 变更备案) leaves only that province on the wheel: city and district may change.
 */
export function RegionField({ path, label, hint, fixedProvince }: { path: string; label: string; hint?: string; fixedProvince?: string }) {
  const id = pathId(path);
  const code = useOrderStore((state) => textAt(state.draft, path));
  const locked = useFieldLocked(path);
  const provinces = useMemo(() => (fixedProvince ? PROVINCES.filter((item) => item.code === fixedProvince) : PROVINCES), [fixedProvince]);
  const [wheel, setWheel] = useState<Wheel>(() => wheelAt(provinces, code));
  useEffect(() => setWheel(wheelAt(provinces, code)), [provinces, code]);
  const [province, city] = wheel;
  const range = useMemo(() => {
    const { cities, districts } = columnsAt(provinces, [province, city, 0]);
    return [provinces.map((item) => item.name), cities.map((item) => item.name), districts.map((item) => item.name)];
  }, [provinces, province, city]);

  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Picker
        mode='multiSelector'
        range={range}
        value={wheel}
        disabled={locked}
        onColumnChange={({ detail }) =>
          setWheel(([p, c]) => (detail.column === 0 ? [detail.value, 0, 0] : detail.column === 1 ? [p, detail.value, 0] : [p, c, detail.value]))
        }
        onCancel={() => setWheel(wheelAt(provinces, code))}
        onChange={(event) => {
          const [p = 0, c = 0, d = 0] = event.detail.value;
          const district = columnsAt(provinces, [p, c, d]).districts[d];
          if (district) useOrderStore.getState().setField(path, district.code);
        }}
      >
        <View className={`choice-value${locked ? ' choice-disabled' : ''}`} id={id}>
          <Text className={code ? '' : 'placeholder'}>{code ? regionPath(code).join(' ') : '请选择省份、城市和区县'}</Text>
          {!locked && <Text className='choice-arrow'>▼</Text>}
        </View>
      </Picker>
      {hint && (
        <Text className='hint' id={`${id}-hint`}>
          {hint}
        </Text>
      )}
      <RejectionNote path={path} />
      <FieldErrorText id={id} path={path} />
    </View>
  );
}
