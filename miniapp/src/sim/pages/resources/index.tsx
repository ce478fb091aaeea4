import { useState } from 'react';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  BILLING_MODES,
  RESOURCE_REGIONS,
  RESOURCE_TYPES,
  formatChinaTime,
  type BillingMode,
  type ResourceChoice,
  type ResourceRegion,
  type ResourceType,
} from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { listAccountResources, refundResource, registerResource } from '../../../services/resources.api';
import { ApiError } from '../../../services/request';

interface Form {
  instanceId: string;
  type: ResourceType;
  region: ResourceRegion;
  publicIp: string;
  billingMode: BillingMode;
  termMonths: string;
  expiresOn: string;
  boundInstanceId: string;
  filedServices: string;
}

const EMPTY: Form = {
  instanceId: '',
  type: 'cvm',
  region: 'ap-guangzhou',
  publicIp: '',
  billingMode: 'prepaid',
  termMonths: '12',
  expiresOn: '',
  boundInstanceId: '',
  filedServices: '0',
};

function Chips<K extends string>({
  id,
  label,
  options,
  value,
  onPick,
}: {
  id: string;
  label: string;
  options: Record<K, string>;
  value: K;
  onPick(key: K): void;
}) {
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <View className='chips' id={id}>
        {(Object.keys(options) as K[]).map((key) => (
          <Text key={key} id={`${id}-${key}`} className={`chip${value === key ? ' chip-active' : ''}`} onClick={() => onPick(key)}>
            {options[key]}
          </Text>
        ))}
      </View>
    </View>
  );
}

function TextField({
  id,
  label,
  value,
  placeholder,
  onInput,
}: {
  id: string;
  label: string;
  value: string;
  placeholder: string;
  onInput(value: string): void;
}) {
  return (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Input className='field-input' id={id} placeholder={placeholder} value={value} onInput={(event) => onInput(event.detail.value)} />
    </View>
  );
}

const REGION_LABELS = Object.fromEntries(Object.entries(RESOURCE_REGIONS).map(([key, region]) => [key, region.label])) as Record<ResourceRegion, string>;

/**
 * The simulated provider inventory (staff, role admin): registers an account's instances and refunds them, as the
 * provider's console would; a real inventory is read from the provider and has no such page.
 */
export default function SimResourcesPage() {
  const { params } = useRouter<{ accountId?: string }>();
  const [accountId, setAccountId] = useState(params.accountId ?? '');
  const [choices, setChoices] = useState<ResourceChoice[] | null>(null);
  const [form, setForm] = useState<Form>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<Form>) => setForm({ ...form, ...patch });

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setChoices(await listAccountResources(accountId.trim()));
    } catch (failure) {
      setError(failure instanceof ApiError ? [failure.message, ...Object.values(failure.fieldMessages())].join('：') : '操作失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  const register = () =>
    run(() =>
      registerResource(accountId.trim(), form.instanceId.trim(), {
        type: form.type,
        region: form.region,
        publicIp: form.publicIp.trim() || null,
        billingMode: form.billingMode,
        termMonths: Number(form.termMonths),
        expiresAt: `${form.expiresOn}T23:59:59+08:00`,
        boundInstanceId: form.type === 'clb' ? form.boundInstanceId.trim() || null : null,
        filedServices: Number(form.filedServices || '0'),
      }),
    );

  return (
    <View className='page sim' id='sim-resources'>
      <Text className='notice'>模拟页面：模仿云服务商控制台登记账号下的实例，仅用于演示和测试。</Text>
      <View className='card'>
        <TextField id='sim-account-id' label='账号ID' value={accountId} placeholder='请输入申请人的账号ID' onInput={setAccountId} />
        <Button className='btn-secondary' id='sim-load' {...busyButtonProps(busy)} onClick={() => void run(async () => undefined)}>
          查看该账号的实例
        </Button>
        {choices?.length === 0 && <Text className='hint'>该账号下暂无实例</Text>}
        {choices?.map((choice) => (
          <View className='sub-card' key={choice.instanceId} id={`sim-resource-${choice.instanceId}`}>
            <Text>
              {choice.instanceId} · {choice.typeLabel} · {choice.regionLabel} · {BILLING_MODES[choice.billingMode]} · {choice.termMonths} 个月
            </Text>
            <Text className='hint'>到期时间 {formatChinaTime(choice.expiresAt)}</Text>
            <Text className={choice.eligible ? 'hint' : 'error-text'}>
              {choice.eligible ? '可用于备案' : `不可用于备案：${choice.reasons.map((r) => r.reason).join('；')}`}
            </Text>
            {!choice.refunded && (
              <Text className='link' id={`sim-refund-${choice.instanceId}`} onClick={() => void run(() => refundResource(accountId.trim(), choice.instanceId))}>
                退费
              </Text>
            )}
          </View>
        ))}
      </View>
      <View className='card'>
        <Text className='card-title'>登记实例（同一实例ID再次登记即覆盖）</Text>
        <TextField id='sim-instance-id' label='实例ID' value={form.instanceId} placeholder='如 ins-abc12345' onInput={(instanceId) => set({ instanceId })} />
        <Chips id='sim-type' label='类型' options={RESOURCE_TYPES} value={form.type} onPick={(type) => set({ type })} />
        <Chips id='sim-region' label='地域' options={REGION_LABELS} value={form.region} onPick={(region) => set({ region })} />
        <TextField
          id='sim-public-ip'
          label='公网 IP（无则留空）'
          value={form.publicIp}
          placeholder='如 203.0.113.10'
          onInput={(publicIp) => set({ publicIp })}
        />
        <Chips id='sim-billing' label='计费模式' options={BILLING_MODES} value={form.billingMode} onPick={(billingMode) => set({ billingMode })} />
        <TextField id='sim-term' label='购买时长（月，含续费）' value={form.termMonths} placeholder='如 12' onInput={(termMonths) => set({ termMonths })} />
        <View className='field'>
          <Text className='field-label'>到期日期</Text>
          <Picker mode='date' value={form.expiresOn} onChange={(event) => set({ expiresOn: String(event.detail.value) })}>
            <View className='choice-value' id='sim-expires'>
              <Text className={form.expiresOn ? '' : 'placeholder'}>{form.expiresOn || '请选择日期'}</Text>
              <Text className='choice-arrow'>▼</Text>
            </View>
          </Picker>
        </View>
        {form.type === 'clb' && (
          <TextField
            id='sim-bound'
            label='绑定的云服务器实例ID'
            value={form.boundInstanceId}
            placeholder='如 ins-abc12345'
            onInput={(boundInstanceId) => set({ boundInstanceId })}
          />
        )}
        <TextField id='sim-filed' label='已备案的服务数' value={form.filedServices} placeholder='0' onInput={(filedServices) => set({ filedServices })} />
        <Button className='btn-primary' id='sim-register' {...busyButtonProps(busy)} onClick={() => void register()}>
          登记
        </Button>
        {error && (
          <Text className='error-text' id='sim-error'>
            {error}
          </Text>
        )}
      </View>
    </View>
  );
}
