import { useState } from 'react';
import { Button, Checkbox, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { ORDER_KINDS, type FilingSubjectDetail } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { navigate } from '../../../routes';
import { getFilingSubject } from '../../../services/filings.api';
import { createOrder } from '../../../services/orders.api';
import { ApiError, newIdempotencyKey } from '../../../services/request';
import './index.scss';

type ChangeKind = 'change_filing' | 'change_service';

/** 变更备案 / 变更服务 (S003 2732, 3244): 注意事项 → 下一步 → 选择需要变更的服务 → 变更信息 opens the wizard pre-filled from the record. */
export default function RecordsChangePage() {
  const { params } = useRouter<{ subjectId?: string; kind?: string; serviceId?: string }>();
  const kind: ChangeKind = params.kind === 'change_service' ? 'change_service' : 'change_filing';
  const [subject, setSubject] = useState<FilingSubjectDetail | null>(null);
  const [step, setStep] = useState<'notice' | 'services'>('notice');
  const [chosen, setChosen] = useState<string[]>(params.serviceId ? [params.serviceId] : []);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    if (!params.subjectId) return;
    getFilingSubject(params.subjectId)
      .then(setSubject)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  function toggle(serviceId: string) {
    setChosen((current) => (current.includes(serviceId) ? current.filter((id) => id !== serviceId) : [...current, serviceId]));
  }

  async function start() {
    if (!subject) return;
    setStarting(true);
    setError(null);
    try {
      const firstChosen = subject.services.find((s) => chosen.includes(s.id));
      const order = await createOrder(
        {
          kind,
          subjectType: subject.nature === 'personal' ? 'personal' : 'unit',
          serviceType: firstChosen?.serviceType ?? 'website',
          subjectId: subject.id,
          serviceIds: chosen,
        },
        newIdempotencyKey(),
      );
      await navigate('filing-start', { id: order.id });
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.fields[0]?.message ?? failure.message) : '无法开始变更，请稍后重试');
    } finally {
      setStarting(false);
    }
  }

  const label = ORDER_KINDS[kind].label;
  if (!subject) {
    return (
      <View className='page records' id='records-change'>
        <Text className={error ? 'error-text' : 'hint'}>{error ?? '加载中…'}</Text>
      </View>
    );
  }
  const services = subject.services.filter((s) => s.state === 'active');

  return (
    <View className='page records' id='records-change'>
      {step === 'notice' ? (
        <View className='card' id='change-notice'>
          <Text className='card-title'>{label} · 注意事项</Text>
          {ORDER_KINDS[kind].notices.map((notice) => (
            <Text className='hint notice' key={notice}>
              {notice}
            </Text>
          ))}
          <Button className='btn-primary' id='change-next' onClick={() => setStep('services')}>
            下一步
          </Button>
        </View>
      ) : (
        <View className='card' id='change-services'>
          <Text className='card-title'>选择需要变更的服务</Text>
          <Text className='hint'>
            {kind === 'change_filing' ? '主体信息随本次变更一并提交；请勾选同时需要变更的网站/APP。' : '请勾选需要变更的网站/APP，至少一项。'}
          </Text>
          {services.map((service) => (
            <View className='record-item' key={service.id} id={`choose-${service.seq}`} onClick={() => toggle(service.id)}>
              <Checkbox value={service.id} checked={chosen.includes(service.id)} />
              <View className='record-main'>
                <Text className='record-number'>{service.serviceIcpNumber}</Text>
                <Text className='record-name'>{service.name}</Text>
              </View>
            </View>
          ))}
          <Button className='btn-primary' id='change-start' {...busyButtonProps(starting)} onClick={() => void start()}>
            变更信息
          </Button>
        </View>
      )}
      {error && (
        <Text className='error-text' id='change-error'>
          {error}
        </Text>
      )}
    </View>
  );
}
