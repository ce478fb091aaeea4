import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { CODE_LIMITS, type CodeInstanceView, type FilingCodeView } from '@beian/shared';
import { bindServiceCode, listCodeInstances, listServiceCodes } from '../../../services/codes.api';
import { ApiError } from '../../../services/request';
import { CodeList } from '../../components/code-list';
import { GrantForm } from '../../components/grant-form';
import './index.scss';

type Tab = 'own' | 'received';
const TABS: Record<Tab, string> = { own: '本账号生成的', received: '他人授权给我的' };

/** 服务码管理 (seed 004): the codes this account generated and granted, those granted to it, and 服务码获取 per server. */
export default function CodesServicePage() {
  const [tab, setTab] = useState<Tab>('own');
  const [codes, setCodes] = useState<FilingCodeView[] | null>(null);
  const [instances, setInstances] = useState<CodeInstanceView[]>([]);
  const [applying, setApplying] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function load(next: Tab) {
    setTab(next);
    setCodes(null);
    try {
      const [list, mine] = await Promise.all([listServiceCodes(next), listCodeInstances()]);
      setCodes(list);
      setInstances(mine);
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '加载失败，请稍后重新打开本页');
    }
  }
  useDidShow(() => void load(tab));

  async function bind(code: FilingCodeView, instanceId: string) {
    setError(null);
    try {
      const bound = await bindServiceCode(code.codeId, { instanceId });
      setCodes((list) => (list ?? []).map((item) => (item.codeId === bound.codeId ? bound : item)));
    } catch (failure) {
      setError(failure instanceof ApiError ? (failure.fields[0]?.message ?? failure.message) : '绑定失败，请稍后重试');
    }
  }

  return (
    <View className='page codes' id='codes-service'>
      <View className='tabs'>
        {(Object.keys(TABS) as Tab[]).map((key) => (
          <Text key={key} className={`tab ${tab === key ? 'active' : ''}`} id={`tab-${key}`} onClick={() => void load(key)}>
            {TABS[key]}
          </Text>
        ))}
      </View>
      {tab === 'own' && (
        <View className='card' id='service-code-apply'>
          <Text className='card-title'>服务码获取</Text>
          <Text className='hint'>{CODE_LIMITS.enterpriseOnlySince.rule}。</Text>
          <Text className='hint'>
            {CODE_LIMITS.grantorDistinctTargetsPerYear.rule}；{CODE_LIMITS.receiverDistinctGrantorsPerYear.rule}。
          </Text>
          <View className='code-item'>
            <View className='row-between'>
              <Text>未绑定实例的服务码</Text>
              <Text className='link' id='apply-unbound' onClick={() => setApplying('')}>
                申请
              </Text>
            </View>
            <Text className='hint'>申请后在下方列表中绑定至本账号的服务器</Text>
            {applying === '' && (
              <GrantForm
                instanceId={null}
                onGranted={(granted) => {
                  setApplying(null);
                  setCodes((list) => [...granted, ...(list ?? [])]);
                }}
              />
            )}
          </View>
          {instances.length === 0 && <Text className='hint'>本账号暂无服务器</Text>}
          {instances.map((instance) => (
            <View className='code-item' key={instance.instanceId}>
              <View className='row-between'>
                <Text>
                  {instance.instanceId}（{instance.publicIp}）
                </Text>
                {instance.ineligibleReason ? (
                  <Text className='hint'>{instance.ineligibleReason}</Text>
                ) : (
                  <Text className='link' id={`apply-${instance.instanceId}`} onClick={() => setApplying(instance.instanceId)}>
                    申请
                  </Text>
                )}
              </View>
              {applying === instance.instanceId && (
                <GrantForm
                  instanceId={instance.instanceId}
                  onGranted={(granted) => {
                    setApplying(null);
                    setCodes((list) => [...granted, ...(list ?? [])]);
                  }}
                />
              )}
            </View>
          ))}
        </View>
      )}
      <View className='card' id={`service-codes-${tab}`}>
        <Text className='card-title'>{tab === 'own' ? '本账号生成的服务码' : '他人授权给我的服务码'}</Text>
        {codes ? (
          <CodeList
            codes={codes}
            show={tab === 'own' ? 'holder' : 'owner'}
            {...(tab === 'own' ? { bind: { servers: instances, onBind: (code, instanceId) => void bind(code, instanceId) } } : {})}
          />
        ) : (
          <Text className='hint'>加载中…</Text>
        )}
      </View>
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  );
}
