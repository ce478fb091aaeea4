import { useEffect } from 'react';
import { Text, View } from '@tarojs/components';
import { PERSON_CERTIFICATE_TYPES, type DraftMaterial, type DraftPrincipal, type PrincipalSameAs } from '@beian/shared';
import { useOrderStore } from '../../stores/order.store';
import { getAt, pathId, setAt, textAt, type DraftTree } from '../../utils/draft-path.util';
import { serverToday } from '../../utils/server-clock.util';
import { ChoiceList, DraftChoice } from './choice-field';
import { DraftDateField, DraftField } from './draft-field';
import { materialsOf, MaterialUpload } from './material-upload';
import { SmsVerify } from './sms-verify';
import { validFromWheel, validToWheel } from '../utils/date-wheels.util';
import { invitedPrincipalPaths } from '../utils/invited-principals.util';
import { copyableSources, principalPerson } from '../utils/same-as.util';

const CERTIFICATE_OPTIONS = PERSON_CERTIFICATE_TYPES.map(({ key, label }) => ({ key, label }));
const COPIED_FIELDS = [
  'name',
  'certificateType',
  'certificateNumber',
  'validFrom',
  'validTo',
  'longTerm',
  'mobile',
  'phone2',
  'emergencyPhone',
  'email',
] as const;
const PHOTO_KINDS = ['certificate_front', 'certificate_back'] as const;

/** Who a principal path is, in words. */
export function principalLabel(path: string): string {
  if (path === 'subjectPrincipal') return '主体负责人';
  const match = /^(websites|apps)\.(\d+)\.principal$/.exec(path);
  return match ? `${match[1] === 'websites' ? '网站' : 'APP'}${Number(match[2]) + 1}负责人` : '负责人';
}

/**
 * "Same person as …": the fields and ID photos are COPIED with a visible link (`sameAs`), never shared, so editing
 * one principal never changes another.
 */
export function copyPrincipal(draft: DraftTree, from: PrincipalSameAs, to: string, personal: boolean): DraftTree {
  const source = principalPerson(draft, from, personal);
  const copy: DraftPrincipal = { sameAs: from };
  for (const key of COPIED_FIELDS) if (source[key] !== undefined) (copy as Record<string, unknown>)[key] = source[key];
  const photos = materialsOf(draft).filter((item) => item.target === from && (PHOTO_KINDS as readonly string[]).includes(item.kind ?? ''));
  const materials: DraftMaterial[] = [
    ...materialsOf(draft).filter((item) => !(item.target === to && photos.some((photo) => photo.kind === item.kind))),
    ...photos.map((photo) => ({ ...photo, target: to })),
  ];
  return { ...setAt(draft, to, copy), materials };
}

function differsFromSource(draft: DraftTree, path: string, from: PrincipalSameAs, personal: boolean): boolean {
  const copy = (getAt(draft, path) ?? {}) as Record<string, unknown>;
  const source = principalPerson(draft, from, personal) as Record<string, unknown>;
  return COPIED_FIELDS.some((key) => (copy[key] ?? '') !== (source[key] ?? ''));
}

interface SameAsBarProps {
  path: string;
  personal: boolean;
  sources: readonly PrincipalSameAs[];
}

/** Choose "same person as …", see the link, re-copy or unlink: `<id>-same-as`, `-recopy`, `-unlink`. */
export function SameAsBar({ path, personal, sources }: SameAsBarProps) {
  const id = `${pathId(path)}-same-as`;
  const sameAs = useOrderStore((state) => textAt(state.draft, `${path}.sameAs`)) as PrincipalSameAs | '';
  const stale = useOrderStore((state) => (sameAs ? differsFromSource(state.draft, path, sameAs, personal) : false));
  const copyable = useOrderStore((state) => copyableSources(state.draft, sources, personal).join(','));
  const copy = (from: PrincipalSameAs) =>
    useOrderStore.getState().updateDraft((draft) => copyPrincipal(draft, from, path, personal), [path.split('.')[0]!, 'materials']);

  if (!sameAs) {
    const options = copyable ? copyable.split(',') : [];
    return (
      <ChoiceList
        id={id}
        label='与以下负责人为同一人（复制其信息）'
        placeholder={options.length ? '不是同一人，单独填写' : '尚未填写可复制的负责人'}
        options={options.map((source) => ({ key: source, label: principalLabel(source as PrincipalSameAs) }))}
        disabled={options.length === 0}
        value={undefined}
        onChange={(key) => copy(key as PrincipalSameAs)}
      />
    );
  }
  return (
    <View className='notice' id={id}>
      <Text id={`${id}-text`}>
        已复制自{principalLabel(sameAs)}：这是一份副本，在此修改不会改变{principalLabel(sameAs)}。
      </Text>
      {stale && <Text className='hint'>{principalLabel(sameAs)}的信息已修改，与此副本不一致。</Text>}
      <View className='upload-row'>
        <Text className='link' id={`${id}-recopy`} onClick={() => copy(sameAs)}>
          重新复制
        </Text>
        <Text className='link' id={`${id}-unlink`} onClick={() => useOrderStore.getState().setField(`${path}.sameAs`, undefined)}>
          解除关联
        </Text>
      </View>
    </View>
  );
}

interface PrincipalFormProps {
  path: string;
  personal: boolean;
  /** The province asks every principal for an emergency phone. */
  emergencyRequired: boolean;
  orderId(): Promise<string | null>;
  currentOrderId: string | null;
}

/** Every field of a principal (主体负责人 or 服务负责人) with ID photos and the SMS proof of the mobile. */
export function PrincipalForm({ path, personal, emergencyRequired, orderId, currentOrderId }: PrincipalFormProps) {
  const personalSubject = personal && path === 'subjectPrincipal';
  const identity = useOrderStore((state) =>
    personalSubject ? ['name', 'certificateType', 'certificateNumber'].map((key) => textAt(state.draft, `subject.${key}`)).join('|') : '',
  );
  const written = useOrderStore((state) =>
    personalSubject ? ['name', 'certificateType', 'certificateNumber'].map((key) => textAt(state.draft, `subjectPrincipal.${key}`)).join('|') : '',
  );

  useEffect(() => {
    // A personal filer is their own principal: the principal carries the subject's identity, so the person is
    // recognised wherever they appear (face check once per person, "same as" copies).
    if (!personalSubject || identity === written) return;
    const [name = '', certificateType = '', certificateNumber = ''] = identity.split('|');
    useOrderStore
      .getState()
      .updateDraft(
        (draft) => ({ ...draft, subjectPrincipal: { ...((draft.subjectPrincipal as object | undefined) ?? {}), name, certificateType, certificateNumber } }),
        ['subjectPrincipal'],
      );
  }, [personalSubject, identity, written]);
  const longTerm = useOrderStore((state) => getAt(state.draft, `${path}.longTerm`) === true);
  const validFrom = useOrderStore((state) => textAt(state.draft, `${path}.validFrom`));
  const validTo = useOrderStore((state) => textAt(state.draft, `${path}.validTo`));
  const today = useOrderStore((state) => serverToday(state.clockOffsetMs));
  const certificateType = useOrderStore((state) =>
    personalSubject ? textAt(state.draft, 'subject.certificateType') : textAt(state.draft, `${path}.certificateType`),
  );
  const subjectName = useOrderStore((state) => textAt(state.draft, 'subject.name'));
  const invited = useOrderStore((state) => invitedPrincipalPaths(state.draft, personal ? 'personal' : 'unit').includes(path));
  const unit = !personal;

  return (
    <View>
      {personalSubject ? (
        <View className='field'>
          <Text className='field-label'>负责人</Text>
          <Text id='subject-principal-person'>{subjectName}（个人备案的负责人即主办者本人）</Text>
        </View>
      ) : (
        <View>
          <DraftField path={`${path}.name`} label='姓名' placeholder='请输入证件上的姓名' />
          <DraftChoice path={`${path}.certificateType`} label='证件类型' options={CERTIFICATE_OPTIONS} />
          <DraftField path={`${path}.certificateNumber`} label='证件号码' placeholder='请输入证件号码' type='idcard' maxlength={18} />
        </View>
      )}
      {invited ? (
        <Text className='notice' id={`${pathId(path)}-by-invitee`}>
          该负责人不是主体负责人本人：其证件照片和手机验证码由本人完成。请在“视频核验”步骤发送邀请，该负责人会收到短信，在自己的手机上上传证件照片、验证手机号码并录制视频。
        </Text>
      ) : (
        <View>
          <MaterialUpload kind='certificate_front' target={path} label='证件照片（人像面）' hint='请拍摄证件原件，四角完整、清晰无反光' orderId={orderId} />
          {certificateType === 'resident_id' && (
            <MaterialUpload kind='certificate_back' target={path} label='证件照片（国徽面）' hint='请拍摄证件原件，四角完整、清晰无反光' orderId={orderId} />
          )}
        </View>
      )}
      <DraftDateField path={`${path}.validFrom`} label='证件有效期开始日期' placeholder='请选择日期' wheel={validFromWheel(today, validTo)} />
      <View className='field'>
        <Text
          className={`chip${longTerm ? ' chip-active' : ''}`}
          id={`${pathId(path)}-long-term`}
          onClick={() => {
            const store = useOrderStore.getState();
            store.setField(`${path}.longTerm`, !longTerm);
            if (!longTerm) store.setField(`${path}.validTo`, '');
          }}
        >
          证件长期有效
        </Text>
      </View>
      {!longTerm && <DraftDateField path={`${path}.validTo`} label='证件有效期结束日期' placeholder='请选择日期' wheel={validToWheel(today, validFrom)} />}
      <DraftField path={`${path}.mobile`} label='手机号码' placeholder='请输入11位手机号码' type='number' maxlength={11} />
      {!invited && <SmsVerify orderId={currentOrderId} path={path} />}
      {(unit || path !== 'subjectPrincipal') && (
        <DraftField
          path={`${path}.phone2`}
          label={unit && path === 'subjectPrincipal' ? '联系方式2（固定电话）' : '联系方式2（固定电话，选填）'}
          placeholder='区号-号码，如 0591-87654321'
          maxlength={20}
        />
      )}
      {emergencyRequired && (
        <DraftField path={`${path}.emergencyPhone`} label='应急联系电话' placeholder='当地管局要求：填写可接通的手机或固定电话' maxlength={20} />
      )}
      <DraftField path={`${path}.email`} label='电子邮箱' placeholder='请输入常用邮箱' maxlength={64} />
    </View>
  );
}
