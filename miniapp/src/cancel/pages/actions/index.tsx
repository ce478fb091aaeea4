import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import { ORDER_KINDS, type CancellationAction, type CancellationKind, type CancellationOptions } from '@beian/shared';
import { navigate } from '../../../routes';
import { getCancellationOptions } from '../../../services/cancellations.api';
import { ApiError } from '../../../services/request';
import { ShellGuidanceCard } from '../../components/shell-guidance';
import './index.scss';

/** What a service's "···" offers (注销服务, 取消接入服务), or the subject's (注销主体, the batches). */
const SERVICE_KINDS: readonly CancellationKind[] = ['cancel_service', 'cancel_access'];
const SUBJECT_KINDS: readonly CancellationKind[] = ['cancel_subject', 'cancel_services_batch', 'cancel_access_batch'];
const LABELS: Partial<Record<CancellationKind, string>> = { cancel_access: '取消接入服务', cancel_access_batch: '批量取消接入服务' };

/** The 注销 / 取消接入 actions of a subject or one of its services: each that does not apply says why. */
export default function CancelActionsPage() {
  const { params } = useRouter<{ subjectId?: string; serviceId?: string }>();
  const [options, setOptions] = useState<CancellationOptions | null>(null);
  const [error, setError] = useState<string | null>(null);

  useDidShow(() => {
    if (!params.subjectId) return;
    getCancellationOptions(params.subjectId)
      .then(setOptions)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  if (!options) {
    return (
      <View className='page cancel' id='cancel-actions'>
        <Text className={error ? 'error-text' : 'hint'}>{error ?? '加载中…'}</Text>
      </View>
    );
  }
  const kinds = params.serviceId ? SERVICE_KINDS : SUBJECT_KINDS;
  const service = options.services.find((s) => s.id === params.serviceId);
  const open = (action: CancellationAction) => {
    if (!action.available) return;
    void navigate('cancel-flow', { kind: action.kind, subjectId: options.subjectId, ...(params.serviceId ? { serviceId: params.serviceId } : {}) });
  };

  return (
    <View className='page cancel' id='cancel-actions'>
      <View className='card'>
        <Text className='card-title'>{service ? `${service.serviceIcpNumber} ${service.name}` : `${options.subjectIcpNumber} ${options.subjectName}`}</Text>
        {options.actions
          .filter((a) => kinds.includes(a.kind))
          .map((action) => (
            <View key={action.kind} id={`action-${action.kind}`} onClick={() => open(action)}>
              <Text className={`action ${action.available ? '' : 'action-disabled'}`} aria-disabled={action.available ? undefined : 'true'}>
                {LABELS[action.kind] ?? ORDER_KINDS[action.kind].label}
              </Text>
              {action.reason && (
                <Text className='reason' id={`reason-${action.kind}`}>
                  {action.reason}
                </Text>
              )}
            </View>
          ))}
      </View>
      {options.shellGuidance && <ShellGuidanceCard guidance={options.shellGuidance} />}
    </View>
  );
}
