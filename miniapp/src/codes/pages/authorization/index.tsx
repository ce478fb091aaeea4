import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { AUTHORIZATION_CODE_HINT, CODE_LIMITS, type CodeInstanceView, type FilingCodeView } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { generateAuthorizationCode, listAuthorizationCodes, listCodeInstances, revokeAuthorizationCode } from '../../../services/codes.api';
import { ApiError } from '../../../services/request';
import { CodeList } from '../../components/code-list';
import './index.scss';

const message = (failure: unknown, fallback: string) => (failure instanceof ApiError ? (failure.fields[0]?.message ?? failure.message) : fallback);

/** 备案授权码: generate one from an eligible server of this account for another account (or this one); list, copy, revoke. */
export default function CodesAuthorizationPage() {
  const [instances, setInstances] = useState<CodeInstanceView[] | null>(null);
  const [codes, setCodes] = useState<FilingCodeView[]>([]);
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  async function load() {
    try {
      const [mine, made] = await Promise.all([listCodeInstances(), listAuthorizationCodes()]);
      setInstances(mine);
      setCodes(made);
    } catch (failure) {
      setError(message(failure, '加载失败，请稍后重新打开本页'));
    }
  }
  useDidShow(() => void load());

  async function generate(instanceId: string) {
    setBusy(instanceId);
    setErrors({});
    try {
      const made = await generateAuthorizationCode({ instanceId, targetAccountId: (targets[instanceId] ?? '').trim() });
      setCodes((list) => [made, ...list]);
    } catch (failure) {
      setErrors({ [instanceId]: message(failure, '生成失败，请稍后重试') });
    } finally {
      setBusy(null);
    }
  }

  async function revoke(code: FilingCodeView) {
    const { confirm } = await Taro.showModal({
      title: '撤销授权码',
      content: `撤销后授权码 ${code.code} 将失效，无法再用于备案。`,
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!confirm) return;
    try {
      const revoked = await revokeAuthorizationCode(code.codeId);
      setCodes((list) => list.map((c) => (c.codeId === revoked.codeId ? revoked : c)));
    } catch (failure) {
      setError(message(failure, '撤销失败，请稍后重试'));
    }
  }

  return (
    <View className='page codes' id='codes-authorization'>
      <View className='card'>
        <Text className='card-title'>生成备案授权码</Text>
        <Text className='hint'>{AUTHORIZATION_CODE_HINT}</Text>
        <Text className='hint'>
          {CODE_LIMITS.authorizationEnterpriseOnly.rule}；{CODE_LIMITS.authorizationCodesPerServer.rule}；{CODE_LIMITS.oneCodeOneService.rule}。
        </Text>
        {instances?.length === 0 && <Text className='hint'>本账号暂无服务器</Text>}
        {instances?.map((instance) => (
          <View className='code-item' key={instance.instanceId} id={`instance-${instance.instanceId}`}>
            <Text className='code-value'>{instance.instanceId}</Text>
            <Text className='hint'>公网 IP：{instance.publicIp}</Text>
            {instance.ineligibleReason ? (
              <Text className='error-text'>不可用于备案：{instance.ineligibleReason}</Text>
            ) : (
              <View className='field'>
                <Input
                  className='field-input'
                  id={`target-${instance.instanceId}`}
                  type='number'
                  maxlength={12}
                  placeholder='使用授权码的账号ID（12位，可为本账号）'
                  value={targets[instance.instanceId] ?? ''}
                  onInput={(e) => setTargets((all) => ({ ...all, [instance.instanceId]: e.detail.value }))}
                />
                {errors[instance.instanceId] && (
                  <Text className='error-text' id={`generate-${instance.instanceId}-error`}>
                    {errors[instance.instanceId]}
                  </Text>
                )}
                <Button
                  className='btn-secondary'
                  id={`generate-${instance.instanceId}`}
                  {...busyButtonProps(busy === instance.instanceId)}
                  onClick={() => void generate(instance.instanceId)}
                >
                  生成授权码
                </Button>
              </View>
            )}
          </View>
        ))}
      </View>
      <View className='card' id='authorization-codes'>
        <Text className='card-title'>已生成的授权码</Text>
        <CodeList codes={codes} show='holder' onRevoke={(code) => void revoke(code)} />
      </View>
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  );
}
