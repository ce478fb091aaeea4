import { Text, View } from '@tarojs/components';
import type { ShellGuidance } from '@beian/shared';

/** 注销空壳主体: the offline procedure with the seed's per-province data (forms, post, phone). */
export function ShellGuidanceCard({ guidance }: { guidance: ShellGuidance }) {
  return (
    <View className='card' id='shell-guidance'>
      <Text className='card-title'>空壳主体注销指引</Text>
      <Text className='guidance-item'>{guidance.text}</Text>
      <Text className='guidance-item'>
        {guidance.formSearch}（{guidance.formSearchUrl}）
      </Text>
      <Text className='guidance-item'>{guidance.noForm}</Text>
      {guidance.provinces.map((p) => (
        <View key={p.provinceCode} id={`province-${p.provinceCode}`} className={guidance.own?.provinceCode === p.provinceCode ? 'own-province' : ''}>
          <Text className='guidance-item'>
            {p.province}：{p.formUrl ? `ICP 备案注销申请表 ${p.formUrl}` : p.note}
          </Text>
          {p.byPost && (
            <>
              <Text className='guidance-item'>单位/企业：{p.byPost.unit}</Text>
              <Text className='guidance-item'>个人：{p.byPost.person}</Text>
              <Text className='guidance-item'>
                邮寄地址：{p.byPost.address}；联系电话：{p.byPost.phone}
              </Text>
            </>
          )}
        </View>
      ))}
      <Text className='guidance-item'>{guidance.unapprovedSuffix}</Text>
      <Text className='guidance-item' id='shell-refile'>
        {guidance.refile}
      </Text>
    </View>
  );
}
