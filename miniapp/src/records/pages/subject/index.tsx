import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import { useDidShow, useRouter } from '@tarojs/taro';
import {
  MY_FILINGS_TEXTS,
  formatChinaTime,
  subjectNatureByKey,
  type FilingServiceSummary,
  type FilingServiceType,
  type FilingSubjectDetail,
} from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { navigate } from '../../../routes';
import { getFilingSubject } from '../../../services/filings.api';
import { createOrder } from '../../../services/orders.api';
import { ApiError, newIdempotencyKey } from '../../../services/request';
import { ExportButtons } from '../../components/export-buttons';
import { Fact } from '../../components/fact';
import './index.scss';

const TABS: { key: FilingServiceType; label: string }[] = [
  { key: 'website', label: '网站' },
  { key: 'app', label: 'APP' },
];

function addresses(service: FilingServiceSummary): string {
  return service.serviceType === 'website' ? service.domains.join('、') : service.packages.map((p) => `${p.platform}：${p.packageName}`).join('、');
}

/** 主体信息 and its 互联网信息服务 in tabs 网站 / APP; 新增服务 starts an order from this subject. */
export default function RecordsSubjectPage() {
  const { params } = useRouter<{ id?: string; tab?: string }>();
  const [subject, setSubject] = useState<FilingSubjectDetail | null>(null);
  const [tab, setTab] = useState<FilingServiceType>(params.tab === 'app' ? 'app' : 'website');
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<FilingServiceType | null>(null);

  useDidShow(() => {
    if (!params.id) return;
    getFilingSubject(params.id)
      .then(setSubject)
      .catch((failure: unknown) => setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页'));
  });

  async function addService(serviceType: FilingServiceType) {
    if (!subject) return;
    setStarting(serviceType);
    setError(null);
    try {
      const order = await createOrder(
        { kind: 'add_service_local', subjectType: subject.nature === 'personal' ? 'personal' : 'unit', serviceType, subjectId: subject.id },
        newIdempotencyKey(),
      );
      await navigate('filing-start', { id: order.id });
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '新增服务失败，请稍后重试');
    } finally {
      setStarting(null);
    }
  }

  function openBatch(kind: 'cancel_services_batch' | 'cancel_access_batch') {
    if (subject) void navigate('cancel-flow', { kind, subjectId: subject.id });
  }

  if (!subject) {
    return (
      <View className='page records' id='records-subject'>
        <Text className={error ? 'error-text' : 'hint'}>{error ?? '加载中…'}</Text>
      </View>
    );
  }
  const services = subject.services.filter((s) => s.serviceType === tab);
  const canAdd = subject.state === 'active' || subject.state === 'shell';

  return (
    <View className='page records' id='records-subject'>
      <View className='card'>
        <Text className='card-title'>主体信息</Text>
        <View className='facts'>
          <Fact label='主体备案号' value={subject.subjectIcpNumber} id='subject-number' />
          <Fact label='主办单位名称' value={subject.name} />
          <Fact label='主办单位性质' value={subjectNatureByKey(subject.nature)?.label ?? subject.nature} />
          <Fact label='证件号码' value={subject.certificateNumberMasked} />
          <Fact label='主体负责人' value={subject.principal.name ?? ''} />
          <Fact label='审核通过时间' value={formatChinaTime(subject.approvedAt)} />
          <Fact label='状态' value={subject.stateLabel} id='subject-state' />
        </View>
        <Text className='hint'>{MY_FILINGS_TEXTS.detailsHint}</Text>
        {subject.state === 'active' ? (
          <Text className='link' id='change-subject' onClick={() => void navigate('records-change', { subjectId: subject.id, kind: 'change_filing' })}>
            查看/变更
          </Text>
        ) : (
          <>
            <Text className='link-disabled' id='change-subject' aria-disabled='true'>
              查看/变更
            </Text>
            <Text className='disabled-note'>该主体{subject.stateLabel}，不能办理变更备案。</Text>
          </>
        )}
        <Text className='link' id='subject-cancel' onClick={() => void navigate('cancel-actions', { subjectId: subject.id })}>
          {subject.state === 'shell' ? '空壳主体注销指引' : '注销主体'}
        </Text>
        <Text className='link' id='subject-migrate' onClick={() => void navigate('records-migrate', { subjectId: subject.id })}>
          迁移备案账号
        </Text>
      </View>

      <View className='card'>
        <Text className='card-title'>互联网信息服务</Text>
        <View className='tabs'>
          {TABS.map(({ key, label }) => (
            <Text key={key} className={`tab ${tab === key ? 'tab-active' : ''}`} id={`tab-${key}`} onClick={() => setTab(key)}>
              {label}（{subject.services.filter((s) => s.serviceType === key).length}）
            </Text>
          ))}
        </View>
        {services.length === 0 && <Text className='hint'>暂无{tab === 'website' ? '网站' : 'APP'}</Text>}
        {services.map((service) => (
          <View className='record-item' key={service.id} id={`service-${service.seq}`} onClick={() => void navigate('records-service', { id: service.id })}>
            <View className='record-main'>
              <Text className='record-number'>{service.serviceIcpNumber}</Text>
              <Text className='record-name'>{service.name}</Text>
              <Text className='hint'>{addresses(service)}</Text>
              <Text className='hint'>
                通过于 {formatChinaTime(service.approvedAt)} · {service.access ? '已接入本平台' : '未接入本平台'}
              </Text>
            </View>
            <Text className={`record-state state-${service.state}`}>{service.stateLabel}</Text>
          </View>
        ))}
        {canAdd && (
          <View className='export-buttons'>
            <Button
              className='btn-primary export-button'
              id='add-website'
              {...busyButtonProps(starting === 'website')}
              onClick={() => void addService('website')}
            >
              新增网站
            </Button>
            <Button className='btn-primary export-button' id='add-app' {...busyButtonProps(starting === 'app')} onClick={() => void addService('app')}>
              新增APP
            </Button>
          </View>
        )}
        {subject.state === 'active' && (
          <View className='export-buttons'>
            <Button className='btn-secondary export-button' id='batch-cancel' onClick={() => void openBatch('cancel_services_batch')}>
              批量注销服务
            </Button>
            <Button className='btn-secondary export-button' id='batch-cancel-access' onClick={() => void openBatch('cancel_access_batch')}>
              批量取消接入服务
            </Button>
          </View>
        )}
        {error && <Text className='error-text'>{error}</Text>}
      </View>

      <View className='card'>
        <Text className='card-title'>导出基础信息</Text>
        <ExportButtons subjectId={subject.id} fileLabel={subject.subjectIcpNumber} />
      </View>
    </View>
  );
}
