import { Text, View } from '@tarojs/components';
import { useOrderStore } from '../../stores/order.store';
import { textAt } from '../../utils/draft-path.util';
import { DraftField } from '../components/draft-field';
import type { StepProps } from './step-props';

/** 主体信息: addresses and, for units, the investor or supervising unit. Identity fields were fixed on the first step. */
export function SubjectStep({ subjectType }: StepProps) {
  const name = useOrderStore((state) => textAt(state.draft, 'subject.name'));
  const personal = subjectType === 'personal';
  return (
    <View>
      <View className='field'>
        <Text className='field-label'>主办者名称</Text>
        <Text id='subject-name-fixed'>{name}</Text>
        <Text className='hint'>名称、证件号码已在“验证备案类型”中填写，如需修改请返回第一步</Text>
      </View>
      <DraftField path='subject.certificateAddress' label='证件住所' placeholder='与证件上的地址完全一致' maxlength={128} />
      <DraftField path='subject.communicationAddress' label='通信地址' placeholder='详细到门牌号或房间号，如 某路1号2栋301室' maxlength={128} />
      {!personal && (
        <DraftField path='subject.investor' label='投资人或主管单位' placeholder='企业填写投资人（股东）名称，事业单位填写主管单位' maxlength={128} />
      )}
      <DraftField path='subject.remark' label='备注（选填）' placeholder='需要向审核人员说明的情况' multiline maxlength={200} />
    </View>
  );
}
