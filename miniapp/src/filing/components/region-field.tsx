import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { PROVINCES } from '@beian/shared';
import { citiesOf, districtsOf } from '@beian/shared/regions';
import { useOrderStore } from '../../stores/order.store';
import { pathId, textAt } from '../../utils/draft-path.util';
import { ChoiceList } from './choice-field';
import { FieldErrorText } from './draft-field';
import { RejectionNote, useFieldLocked } from './rejection-note';

const PROVINCE_OPTIONS = PROVINCES.map((province) => ({ key: `${province.code}0000`, label: province.name }));

/**
 * 备案地区: province, city and district, one column after the other. Only the district code is kept in the draft
 * (`<id>-province`, `<id>-city`, `<id>-district` are the three columns).
 */
export function RegionField({ path, label }: { path: string; label: string }) {
  const id = pathId(path);
  const code = useOrderStore((state) => textAt(state.draft, path));
  const [province, setProvince] = useState(code ? `${code.slice(0, 2)}0000` : '');
  const [city, setCity] = useState(code ? `${code.slice(0, 4)}00` : '');
  const cities = province ? citiesOf(province).map((region) => ({ key: region.code, label: region.name })) : [];
  const districts = city ? districtsOf(city).map((region) => ({ key: region.code, label: region.name })) : [];
  const locked = useFieldLocked(path);
  const setCode = (value: string) => useOrderStore.getState().setField(path, value);

  return (
    <View className='region-field'>
      <Text className='field-label'>{label}</Text>
      <ChoiceList
        id={`${id}-province`}
        label='省份'
        options={PROVINCE_OPTIONS}
        value={province}
        placeholder='请选择省份'
        disabled={locked}
        onChange={(key) => {
          setProvince(key);
          setCity('');
          setCode('');
        }}
      />
      <ChoiceList
        id={`${id}-city`}
        label='城市'
        options={cities}
        value={city}
        placeholder='请选择城市'
        disabled={locked || !province}
        onChange={(key) => {
          setCity(key);
          setCode('');
        }}
      />
      <ChoiceList id={`${id}-district`} label='区县' options={districts} value={code} placeholder='请选择区县' disabled={locked || !city} onChange={setCode} />
      <RejectionNote path={path} />
      <FieldErrorText id={id} path={path} />
    </View>
  );
}
