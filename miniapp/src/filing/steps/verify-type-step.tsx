import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  certificateTypesForNature,
  isOrderKind,
  ORDER_KINDS,
  PERSON_CERTIFICATE_TYPES,
  SUBJECT_NATURES,
  type MaterialFile,
  type OcrKind,
  type SubjectNatureKey,
  WIZARD_NOTICES,
} from '@beian/shared';
import { recognise } from '../../services/materials.api';
import { ApiError } from '../../services/request';
import { useOrderStore } from '../../stores/order.store';
import { textAt } from '../../utils/draft-path.util';
import { ChoiceList, DraftChoice } from '../components/choice-field';
import { DraftField } from '../components/draft-field';
import { MaterialUpload } from '../components/material-upload';
import { RegionField } from '../components/region-field';
import { ResourceFields } from '../components/service-fields';
import type { StepProps } from './step-props';

const NATURE_OPTIONS = SUBJECT_NATURES.map(({ key, label }) => ({ key, label }));
const PERSON_CERTIFICATE_OPTIONS = PERSON_CERTIFICATE_TYPES.map(({ key, label }) => ({ key, label }));
const SERVICE_TYPE_OPTIONS = [
  { key: 'website', label: '网站' },
  { key: 'app', label: 'APP' },
];

interface VerifyTypeProps extends StepProps {
  serviceType: 'website' | 'app';
  /** Null once the order exists: the service type is then fixed. */
  onServiceType: ((type: 'website' | 'app') => void) | null;
}

/** 验证备案类型: where, who, with which certificate, what service and on which cloud resource. */
export function VerifyTypeStep({ subjectType, orderId, ensureOrder, serviceType, onServiceType }: VerifyTypeProps) {
  const nature = useOrderStore((state) => textAt(state.draft, 'subject.nature')) as SubjectNatureKey | '';
  const decision = useOrderStore((state) => state.filingType);
  const orderKind = useOrderStore((state) => state.order?.kind);
  const kind = decision?.kind ?? orderKind;
  const [ocrNote, setOcrNote] = useState<string | null>(null);
  const personal = nature === 'personal';
  // The order's subject type is fixed once created: natures stay on the same side (个人 / 单位).
  const natureOptions = orderId ? NATURE_OPTIONS.filter((option) => (option.key === 'personal') === (subjectType === 'personal')) : NATURE_OPTIONS;
  const certificateOptions = nature ? certificateTypesForNature(nature).map(({ key, label }) => ({ key, label })) : [];
  const ocrTarget = personal ? 'subjectPrincipal' : 'subject';

  async function readCertificate(file: MaterialFile) {
    const id = orderId ?? (await ensureOrder());
    if (!id) return;
    const kind: OcrKind = personal ? 'id_card_front' : 'business_license';
    try {
      const { fields } = await recognise(id, { uploadId: file.fileId, kind });
      const store = useOrderStore.getState();
      if (fields.certificateNumber) store.setField('subject.certificateNumber', fields.certificateNumber);
      if (fields.name) store.setField('subject.name', fields.name);
      if (fields.address) store.setField('subject.certificateAddress', fields.address);
      setOcrNote(fields.certificateNumber || fields.name ? '已自动识别，请核对证件号码和名称，如有错误请直接修改' : '未能识别证件内容，请手动填写');
    } catch (error) {
      setOcrNote(error instanceof ApiError ? error.message : '识别失败，请手动填写');
    }
  }

  return (
    <View>
      <RegionField path='subject.regionCode' label='备案地区（主办者所在地）' hint={WIZARD_NOTICES.regionNearest} />
      <DraftChoice
        path='subject.nature'
        label='主办者性质'
        options={natureOptions}
        onChosen={(key) => {
          const store = useOrderStore.getState();
          const allowed = certificateTypesForNature(key as SubjectNatureKey);
          if (!allowed.some((type) => type.key === textAt(store.draft, 'subject.certificateType'))) {
            store.setField('subject.certificateType', allowed.length === 1 || key === 'personal' ? allowed[0]!.key : '');
          }
        }}
      />
      {nature !== '' && <DraftChoice path='subject.certificateType' label='主办者证件类型' options={certificateOptions} />}
      {nature !== '' && orderId && (
        <MaterialUpload
          kind={personal ? 'certificate_front' : 'subject_certificate'}
          target={ocrTarget}
          label={personal ? '拍摄身份证人像面，核对识别结果（可选）' : '拍摄营业执照等证件，核对识别结果（可选）'}
          hint='识别结果会填入下方，请核对；照片也会作为备案材料保存'
          orderId={ensureOrder}
          onUploaded={(file) => void readCertificate(file)}
        />
      )}
      {ocrNote && (
        <Text className='notice' id='ocr-note'>
          {ocrNote}
        </Text>
      )}
      <DraftField
        path='subject.certificateNumber'
        label='证件号码'
        placeholder={personal ? '请输入18位居民身份证号码' : '请输入18位统一社会信用代码'}
        type={personal ? 'idcard' : 'text'}
        maxlength={18}
      />
      <DraftField
        path='subject.name'
        label={personal ? '主办者名称（姓名）' : '主办单位名称'}
        placeholder={personal ? '请输入证件上的姓名' : '与证件上的单位名称一致'}
        maxlength={64}
      />
      {!personal && nature !== '' && (
        <View>
          <DraftField path='subject.legalRepName' label='法定代表人姓名' placeholder='与证件上的法定代表人一致' maxlength={32} />
          <DraftChoice path='subject.legalRepCertificateType' label='法定代表人证件类型' options={PERSON_CERTIFICATE_OPTIONS} />
          <DraftField path='subject.legalRepCertificateNumber' label='法定代表人证件号码' placeholder='请输入证件号码' type='idcard' maxlength={18} />
        </View>
      )}
      <ChoiceList
        id='service-type'
        label='服务类型'
        options={SERVICE_TYPE_OPTIONS}
        value={serviceType}
        disabled={onServiceType === null}
        onChange={(key) => onServiceType?.(key as 'website' | 'app')}
      />
      {serviceType === 'website' ? (
        <DraftField path='websites.0.domains.0' label='网站域名' placeholder='如 example.com，不含 http:// 和路径' maxlength={253} />
      ) : (
        <DraftField path='apps.0.name' label='APP名称' placeholder='与应用图标下显示的名称一致' maxlength={64} />
      )}
      <ResourceFields base={serviceType === 'website' ? 'websites.0' : 'apps.0'} />
      {kind && isOrderKind(kind) ? (
        <View className='notice' id='filing-kind'>
          <Text>备案类型：{ORDER_KINDS[kind].label}</Text>
          {decision && <Text id='filing-kind-reason'>{decision.reason}</Text>}
          {ORDER_KINDS[kind].notices.map((notice) => (
            <Text className='hint' key={notice}>
              {notice}
            </Text>
          ))}
        </View>
      ) : (
        <Text className='hint'>
          点击下方按钮后，系统将根据证件号码和{serviceType === 'website' ? '域名' : 'APP名称'}判断备案类型（首次备案、新增服务或接入备案）
        </Text>
      )}
    </View>
  );
}
