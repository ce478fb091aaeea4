import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { REAL_NAME_TYPES, formatChinaTime, type AccountView, type RealNameType } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { getMyAccount, submitRealName } from '../../../services/accounts.api';
import { ApiError } from '../../../services/request';
import { BoundMobileCard } from '../../components/bound-mobile-card';
import { Fact } from '../../components/fact';
import { ResultChannelsCard } from '../../components/result-channels-card';
import './index.scss';

const message = (failure: unknown, fallback: string) => (failure instanceof ApiError ? failure.message : fallback);

/** 我的账号: the account ID to give when a filing is migrated here (with 复制), the type, the 实名认证, the bound mobile and 通知方式. */
export default function RecordsAccountPage() {
  const [account, setAccount] = useState<AccountView | null>(null);
  const [type, setType] = useState<RealNameType>('personal');
  const [name, setName] = useState('');
  const [certificateNumber, setCertificateNumber] = useState('');
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useDidShow(() => {
    getMyAccount()
      .then(setAccount)
      .catch((failure: unknown) => setError(message(failure, '加载失败，请稍后重新打开本页')));
  });

  async function copy() {
    if (!account) return;
    await Taro.setClipboardData({ data: account.accountId });
    setCopied(true);
  }

  async function verify() {
    setBusy(true);
    setFieldErrors({});
    setError(null);
    try {
      setAccount(await submitRealName({ type, name: name.trim(), certificateNumber: certificateNumber.trim() }));
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length) setFieldErrors(failure.fieldMessages());
      else setError(message(failure, '认证失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  if (!account) {
    return (
      <View className='page records account' id='records-account'>
        <Text className={error ? 'error-text' : 'hint'}>{error ?? '加载中…'}</Text>
      </View>
    );
  }
  const personal = type === 'personal';

  return (
    <View className='page records account' id='records-account'>
      <View className='card'>
        <Text className='card-title'>账号信息</Text>
        <Text className='hint'>账号 ID</Text>
        <View className='row-between'>
          <Text className='account-id' id='account-id' userSelect>
            {account.accountId}
          </Text>
          <Text className='link' id='copy-account-id' onClick={() => void copy()}>
            {copied ? '已复制' : '复制'}
          </Text>
        </View>
        <View className='facts'>
          <Fact label='账号类型' value={account.accountTypeLabel} id='account-type' />
          <Fact label='实名认证' value={account.realName ? `已认证（${account.realName.typeLabel}）` : '未认证'} id='real-name-state' />
          {account.realName && <Fact label='认证名称' value={account.realName.nameMasked} />}
          {account.realName && <Fact label='证件号码' value={account.realName.certificateNumberMasked} />}
          {account.realName && <Fact label='认证时间' value={formatChinaTime(account.realName.verifiedAt)} />}
        </View>
        <Text className='hint'>迁移备案账号时，原账号需填写本账号 ID；本账号的实名认证需与迁入的备案主体一致。</Text>
      </View>

      {!account.realName && (
        <View className='card' id='real-name-form'>
          <Text className='card-title'>实名认证</Text>
          <View>
            {(Object.keys(REAL_NAME_TYPES) as RealNameType[]).map((key) => (
              <Text key={key} className={`pick ${type === key ? 'link' : ''}`} id={`real-name-${key}`} onClick={() => setType(key)}>
                {type === key ? '◉' : '○'} {REAL_NAME_TYPES[key]}
              </Text>
            ))}
          </View>
          <View className='field'>
            <Input
              id='real-name-name'
              className='field-input'
              value={name}
              placeholder={personal ? '姓名' : '单位名称'}
              onInput={(e) => setName(e.detail.value)}
            />
            {fieldErrors.name && <Text className='error-text'>{fieldErrors.name}</Text>}
          </View>
          <View className='field'>
            <Input
              id='real-name-certificate'
              className='field-input'
              value={certificateNumber}
              placeholder={personal ? '居民身份证号码' : '统一社会信用代码'}
              onInput={(e) => setCertificateNumber(e.detail.value)}
            />
            {fieldErrors.certificateNumber && <Text className='error-text'>{fieldErrors.certificateNumber}</Text>}
          </View>
          <Button className='btn-primary' id='submit-real-name' {...busyButtonProps(busy)} onClick={() => void verify()}>
            提交认证
          </Button>
        </View>
      )}
      <BoundMobileCard account={account} onBound={setAccount} />
      <ResultChannelsCard />
      {error && <Text className='error-text'>{error}</Text>}
    </View>
  );
}
