import { Text, View } from '@tarojs/components';

/** One labelled line of a record's facts. */
export function Fact({ label, value, id }: { label: string; value: string; id?: string }) {
  return (
    <View className='fact'>
      <Text className='fact-label'>{label}</Text>
      <Text className='fact-value' id={id}>
        {value}
      </Text>
    </View>
  );
}
