import { Text, View } from '@tarojs/components';
import { asksFilingPassword, asksSubjectIcpNumber, changesRecord, provinceByCode, WIZARD_NOTICES } from '@beian/shared';
import { useOrderStore } from '../../stores/order.store';
import { textAt } from '../../utils/draft-path.util';
import { DraftField } from '../components/draft-field';
import { RegionField } from '../components/region-field';
import type { StepProps } from './step-props';

/**
 * 主体信息: addresses and, for units, the investor or supervising unit. Identity fields were fixed on the first step.
 * A subject filed already (接入, 新增服务外平台) also gives its 主体备案号 and the MIIT 备案密码 (S002 L27–28); a number
 * the registry answered is pre-filled and fixed.
 */
export function SubjectStep({ kind, subjectType }: StepProps) {
  const name = useOrderStore((state) => textAt(state.draft, 'subject.name'));
  const numberFromRegistry = useOrderStore((state) => state.filingType?.subjectIcpNumber !== undefined);
  const personal = subjectType === 'personal';
  const password = asksFilingPassword(kind);
  const changing = changesRecord(kind);
  const province = useOrderStore((state) => provinceByCode(textAt(state.draft, 'subject.regionCode')));
  return (
    <View>
      <View className='field'>
        <Text className='field-label'>主办者名称</Text>
        <Text id='subject-name-fixed'>{name}</Text>
        <Text className='hint'>{changing ? '主办者名称、证件号码取自已备案信息' : '名称、证件号码已在“验证备案类型”中填写，如需修改请返回第一步'}</Text>
      </View>
      {asksSubjectIcpNumber(kind) && (
        <DraftField
          path='subject.subjectIcpNumber'
          label='主体备案号'
          placeholder='待接入主体的备案号，如 粤ICP备2024123456号'
          maxlength={40}
          disabled={numberFromRegistry || changing}
          {...(changing ? { hint: '已备案主体的备案号，变更时不允许修改' } : numberFromRegistry ? { hint: '已根据工信部备案系统的查询结果填写' } : {})}
        />
      )}
      {changing && (
        <View>
          <View className='field'>
            <Text className='field-label'>备案省份</Text>
            <Text id='subject-province-fixed'>{province?.name}</Text>
            <Text className='hint' id='subject-province-fixed-hint'>
              {WIZARD_NOTICES.provinceNotChangeable}
            </Text>
          </View>
          {province && <RegionField path='subject.regionCode' label='备案地区（市、区县）' hint={WIZARD_NOTICES.regionNearest} fixedProvince={province.code} />}
        </View>
      )}
      {password && (
        <DraftField
          path='subject.filingPassword'
          label={password === 'required' ? '备案密码' : '备案密码（所在地区要求时填写）'}
          placeholder='请输入备案密码'
          maxlength={64}
          hint='备案主体首次备案成功后，工信部系统下发到主体负责人的手机短信和邮箱中的备案密码'
        />
      )}
      <DraftField path='subject.certificateAddress' label='证件住所' placeholder='与证件上的地址完全一致' maxlength={128} />
      <DraftField path='subject.communicationAddress' label='通信地址' placeholder='详细到门牌号或房间号，如 某路1号2栋301室' maxlength={128} />
      {!personal && (
        <DraftField path='subject.investor' label='投资人或主管单位' placeholder='企业填写投资人（股东）名称，事业单位填写主管单位' maxlength={128} />
      )}
      <DraftField path='subject.remark' label='备注（选填）' placeholder='需要向审核人员说明的情况' multiline maxlength={200} />
    </View>
  );
}
