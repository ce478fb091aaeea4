import { useEffect, useState } from 'react';
import { Text, View } from '@tarojs/components';
import {
  LANGUAGES,
  PRE_APPROVAL_NONE_LABEL,
  PRE_APPROVAL_TYPES,
  PRINCIPAL_SAME_AS,
  changesRecord,
  formatChinaTime,
  uploadFieldPath,
  type DraftWebsite,
  type ResourceChoice,
} from '@beian/shared';
import { createUpload } from '../../services/materials.api';
import { listResources } from '../../services/resources.api';
import { useOrderStore } from '../../stores/order.store';
import { getAt, padList, pathId, removeAt, textAt } from '../../utils/draft-path.util';
import { serviceTypeOf } from '../utils/filing-steps.util';
import { pickDocument } from '../../utils/media-picker.util';
import { DraftChoice, DraftMultiChoice } from './choice-field';
import { DraftField } from './draft-field';
import { AuthorizationCodeField, ServiceCodePicker } from './filing-code-fields';
import { PrincipalForm, SameAsBar } from './principal-form';
import { UploadBox } from '../../components/upload-box';
import { storeErrorProps } from './material-upload';

type DraftPreApproval = NonNullable<DraftWebsite['preApprovals']>[number];

const LANGUAGE_OPTIONS = LANGUAGES.map(({ key, label }) => ({ key, label }));
const PRE_APPROVAL_OPTIONS = PRE_APPROVAL_TYPES.map(({ key, label }) => ({ key, label }));
const RESOURCE_OPTIONS = [
  { key: 'instance', label: '本账号的云服务器实例' },
  { key: 'authorization_code', label: '备案授权码（其他账号授权）' },
  { key: 'service_code', label: '选择ICP备案服务码' },
];

export interface ServiceFormProps {
  /** `websites.0`, `apps.1` … */
  base: string;
  /** The order's kind: 接入备案 asks each service's number. */
  kind: string;
  personal: boolean;
  emergencyRequired: boolean;
  orderId(): Promise<string | null>;
  currentOrderId: string | null;
}

const MAX_DOMAINS = 10;

/** 网站/APP 备案号 of a service filed already; fixed when the registry answered it for the first service, and in a 变更 (the record's). */
export function ServiceNumberField({ path, label, placeholder, kind }: { path: string; label: string; placeholder: string; kind: string }) {
  const fromRegistry = useOrderStore((state) => /^(websites|apps)\.0\.icpNumber$/.test(path) && state.filingType?.serviceIcpNumber !== undefined);
  const fromRecord = changesRecord(kind);
  return (
    <DraftField
      path={path}
      label={label}
      placeholder={placeholder}
      maxlength={48}
      disabled={fromRegistry || fromRecord}
      {...(fromRecord ? { hint: '已备案服务的备案号，变更时不允许修改' } : fromRegistry ? { hint: '已根据工信部备案系统的查询结果填写' } : {})}
    />
  );
}

/**
 * Domains of a website (or the domains an APP uses); the first domain of the first website was fixed when the
 * filing type was verified.
 */
export function DomainList({ base, label }: { base: string; label: string }) {
  const path = `${base}.domains`;
  const raw = useOrderStore((state) => getAt(state.draft, path));
  const domains = Array.isArray(raw) ? (raw as string[]) : [];
  const rows = domains.length > 0 ? domains : [''];
  // The first website's first domain was fixed on the first step when the order was created for a website.
  const fixed = useOrderStore((state) => base === 'websites.0' && serviceTypeOf(state.draft) === 'website');
  return (
    <View id={pathId(path)}>
      {rows.map((_, i) => (
        <View key={i}>
          <DraftField
            path={`${path}.${i}`}
            label={i === 0 ? label : `${label}${i + 1}`}
            placeholder='如 example.com，不含 http:// 和路径'
            disabled={fixed && i === 0}
            maxlength={253}
          />
          {i > 0 && (
            <Text
              className='link'
              id={`${pathId(path)}-${i}-remove`}
              onClick={() => useOrderStore.getState().updateDraft((draft) => removeAt(draft, path, i), [base.split('.')[0]!])}
            >
              删除该域名
            </Text>
          )}
        </View>
      ))}
      {rows.length < MAX_DOMAINS && (
        <Text
          className='link'
          id={`${pathId(path)}-add`}
          onClick={() => useOrderStore.getState().updateDraft((draft) => padList(draft, path, rows.length + 1, ''), [base.split('.')[0]!])}
        >
          + 添加域名
        </Text>
      )}
    </View>
  );
}

/** The account's instances: eligible ones can be picked, every other one shows why it cannot host a filing. */
function InstancePicker({ base }: { base: string }) {
  const path = `${base}.resource.instanceId`;
  const picked = useOrderStore((state) => textAt(state.draft, path));
  const [choices, setChoices] = useState<ResourceChoice[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    listResources().then(setChoices, () => setFailed(true));
  }, []);
  if (failed) return <Text className='hint'>暂时无法读取本账号的云资源，可直接填写实例ID</Text>;
  if (!choices) return <Text className='hint'>正在读取本账号的云资源…</Text>;
  if (!choices.length) return <Text className='hint'>本账号下暂无可选的云资源，可直接填写实例ID</Text>;
  return (
    <View className='field' id={`${pathId(path)}-picker`}>
      <Text className='field-label'>选择本账号的云资源</Text>
      <View className='choice-options'>
        {choices.map((choice) => (
          <View
            key={choice.instanceId}
            id={`${pathId(path)}-choice-${choice.instanceId}`}
            className={`choice-option${choice.eligible ? '' : ' choice-disabled'}${picked === choice.instanceId ? ' choice-option-active' : ''}`}
            onClick={() => choice.eligible && useOrderStore.getState().setField(path, choice.instanceId)}
          >
            <Text>
              {picked === choice.instanceId ? '☑ ' : choice.eligible ? '☐ ' : ''}
              <Text className='code-value'>{choice.instanceId}</Text> · {choice.typeLabel} · {choice.regionLabel}
              {choice.publicIp ? ` · ${choice.publicIp}` : ''}
            </Text>
            <Text className='hint'>到期时间 {formatChinaTime(choice.expiresAt)}</Text>
            {!choice.eligible && <Text className='error-text'>不可用于备案：{choice.reasons.map((r) => r.reason).join('；')}</Text>}
          </View>
        ))}
      </View>
    </View>
  );
}

/** The cloud resource that hosts the service: an instance of this account (picked or typed) or an authorization code. */
export function ResourceFields({ base }: { base: string }) {
  const type = useOrderStore((state) => textAt(state.draft, `${base}.resource.type`));
  return (
    <View>
      <DraftChoice path={`${base}.resource.type`} label='云资源' options={RESOURCE_OPTIONS} />
      {type === 'instance' && <InstancePicker base={base} />}
      {type === 'instance' && <DraftField path={`${base}.resource.instanceId`} label='实例ID' placeholder='如 ins-abc12345' maxlength={64} />}
      {type === 'authorization_code' && <AuthorizationCodeField base={base} />}
      {type === 'service_code' && <ServiceCodePicker base={base} />}
    </View>
  );
}

/** 前置审批 (units only): each approval with its number and scanned document; none means 以上都不涉及. */
function PreApprovals({ base, orderId }: { base: string; orderId(): Promise<string | null> }) {
  const path = `${base}.preApprovals`;
  const items = useOrderStore((state) => getAt(state.draft, path));
  const list = Array.isArray(items) ? (items as DraftPreApproval[]) : [];
  const section = base.split('.')[0]!;
  const errors = useOrderStore((state) => state.fieldErrors);
  const add = () =>
    useOrderStore.getState().updateDraft((draft) => padList(draft, path, list.length + 1, { type: '', approvalNumber: '', fileId: '' }), [section]);
  return (
    <View className='field' id={pathId(path)}>
      <Text className='field-label'>前置审批</Text>
      {list.length === 0 && <Text className='hint'>{PRE_APPROVAL_NONE_LABEL}（涉及新闻、出版、药品、金融等内容时须添加审批文件）</Text>}
      {list.map((item, i) => {
        const errorPath = uploadFieldPath(base, 'pre_approval');
        return (
          <View className='sub-card' key={i}>
            <DraftChoice path={`${path}.${i}.type`} label={`前置审批${i + 1} 类型`} options={PRE_APPROVAL_OPTIONS} />
            <DraftField path={`${path}.${i}.approvalNumber`} label='审批文号' placeholder='请输入审批文件上的文号' maxlength={64} />
            <UploadBox
              id={`${pathId(path)}-${i}-document`}
              label='审批文件'
              {...storeErrorProps(errorPath)}
              error={errors[errorPath]}
              uploaded={Boolean(item.fileId)}
              pick={pickDocument}
              createTicket={async (meta) => {
                const id = await orderId();
                if (!id) throw new Error('order');
                return createUpload(id, { kind: 'pre_approval', target: base, ...meta });
              }}
              onUploaded={(file) => useOrderStore.getState().setField(`${path}.${i}.fileId`, file.fileId)}
            />
            <Text
              className='link'
              id={`${pathId(path)}-${i}-remove`}
              onClick={() => useOrderStore.getState().updateDraft((draft) => removeAt(draft, path, i), [section])}
            >
              删除此项
            </Text>
          </View>
        );
      })}
      <Text className='link' id={`${pathId(path)}-add`} onClick={add}>
        + 添加前置审批
      </Text>
    </View>
  );
}

/** Fields every website and APP has after its own: languages, resource, 前置审批, remark and its principal. */
export function ServiceCommonFields({ base, kind, personal, emergencyRequired, orderId, currentOrderId }: ServiceFormProps) {
  const principalPath = `${base}.principal`;
  const principalName = useOrderStore((state) => textAt(state.draft, `${principalPath}.name`));
  // Only principals that exist are offered: no "APP1负责人" before there is an APP.
  const present = useOrderStore((state) =>
    PRINCIPAL_SAME_AS.filter((source) => source === 'subjectPrincipal' || getAt(state.draft, source) !== undefined).join(','),
  );
  const sources = PRINCIPAL_SAME_AS.filter((source) => source !== principalPath && !source.startsWith(`${base}.`) && present.split(',').includes(source));
  return (
    <View>
      <DraftMultiChoice path={`${base}.languages`} label='服务语言' options={LANGUAGE_OPTIONS} />
      <ResourceFields base={base} />
      {!personal && <PreApprovals base={base} orderId={orderId} />}
      <DraftField path={`${base}.remark`} label='备注（选填）' placeholder='20–200字，说明服务的真实内容，有助于通过审核' multiline maxlength={200} />
      <View className='card-subtitle'>
        <Text>服务负责人</Text>
      </View>
      {personal && kind === 'change_service' ? (
        <View className='field' id={`${pathId(principalPath)}-fixed`}>
          <Text>{principalName}</Text>
          <Text className='hint'>
            个人备案时，服务负责人默认为主体负责人，因此网站/APP 变更办理不支持变更服务负责人；若需要变更服务负责人，请进行变更备案办理
          </Text>
        </View>
      ) : (
        <>
          <SameAsBar path={principalPath} personal={personal} sources={sources} />
          <PrincipalForm path={principalPath} personal={personal} emergencyRequired={emergencyRequired} orderId={orderId} currentOrderId={currentOrderId} />
        </>
      )}
    </View>
  );
}
