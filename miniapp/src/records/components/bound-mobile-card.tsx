import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { validateMobile, type AccountView } from '@beian/shared';
import { disabledProps } from '../../components/busy-button.props';
import { bindAccountMobile } from '../../services/accounts.api';
import { ApiError } from '../../services/request';
import { sendSmsCode } from '../../services/sms.api';

/** 绑定手机: the bound mobile (masked), bound or replaced with an SMS code; a personal filing's mobile must be this one. */
export function BoundMobileCard({ account, onBound }: { account: AccountView; onBound: (account: AccountView) => void }) {
  const [editing, setEditing] = useState(!account.mobileMasked);
  const [mobile, setMobile] = useState('');
  const [code, setCode] = useState('');
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft(secondsLeft - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  async function send() {
    const checked = validateMobile(mobile.trim());
    if (!checked.ok) {
      setFieldErrors({ mobile: '请填写正确的11位手机号码' });
      return;
    }
    setFieldErrors({});
    try {
      setSecondsLeft((await sendSmsCode({ mobile: mobile.trim(), purpose: 'account_mobile' })).resendInSeconds);
    } catch (failure) {
      const retryAfter = failure instanceof ApiError ? Number(failure.details?.retryAfterSeconds) : NaN;
      if (Number.isFinite(retryAfter)) setSecondsLeft(retryAfter);
      setFieldErrors({ mobile: failure instanceof ApiError ? failure.message : '验证码发送失败，请稍后重试' });
    }
  }

  async function bind() {
    try {
      onBound(await bindAccountMobile({ mobile: mobile.trim(), code: code.trim() }));
      setEditing(false);
      setCode('');
      setFieldErrors({});
    } catch (failure) {
      setFieldErrors(failure instanceof ApiError && failure.fields.length ? failure.fieldMessages() : { code: '绑定失败，请稍后重试' });
    }
  }

  return (
    <View className='card' id='bound-mobile'>
      <Text className='card-title'>绑定手机</Text>
      <View className='row-between'>
        <Text id='bound-mobile-value'>{account.mobileMasked ?? '未绑定'}</Text>
        {!editing && (
          <Text className='link' id='change-bound-mobile' onClick={() => setEditing(true)}>
            更换
          </Text>
        )}
      </View>
      <Text className='hint'>个人备案时，主体负责人的手机号须与账号绑定的手机号一致。</Text>
      {editing && (
        <View>
          <View className='field'>
            <Input
              id='bound-mobile-input'
              className='field-input'
              type='number'
              maxlength={11}
              value={mobile}
              placeholder='手机号码'
              onInput={(e) => setMobile(e.detail.value)}
            />
            {fieldErrors.mobile && <Text className='error-text'>{fieldErrors.mobile}</Text>}
          </View>
          <View className='field upload-row'>
            <Input
              id='bound-mobile-code'
              className='field-input sms-input'
              type='number'
              maxlength={6}
              value={code}
              placeholder='请输入6位验证码'
              onInput={(e) => setCode(e.detail.value)}
            />
            <Button className='btn-small' id='bound-mobile-send' {...disabledProps(secondsLeft > 0)} onClick={() => void send()}>
              {secondsLeft > 0 ? `${secondsLeft}秒后重发` : '获取验证码'}
            </Button>
          </View>
          {fieldErrors.code && <Text className='error-text'>{fieldErrors.code}</Text>}
          <Button className='btn-primary' id='bind-mobile' {...disabledProps(code.trim().length !== 6)} onClick={() => void bind()}>
            绑定手机
          </Button>
        </View>
      )}
    </View>
  );
}
