import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import type { InvitationView } from '@beian/shared';
import { disabledProps } from '../../components/busy-button.props';
import { sendInvitationSmsCode, verifyInvitationMobile } from '../../services/principals.api';
import { ApiError } from '../../services/request';

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : fallback;
}

/**
 * The invited principal proves their own mobile (the number the applicant typed) with the code texted to it:
 * `own-sms-send` (countdown from the server's wait), `own-sms-code`, `own-sms-verify`, `own-sms-error`.
 */
export function OwnMobileVerify({ token, mobileMasked, onVerified }: { token: string; mobileMasked: string | null; onVerified(view: InvitationView): void }) {
  const [code, setCode] = useState('');
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft(secondsLeft - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  async function send() {
    setError(null);
    try {
      const sent = await sendInvitationSmsCode(token);
      setSentTo(sent.mobileMasked);
      setSecondsLeft(sent.resendInSeconds);
    } catch (failure) {
      const retryAfter = failure instanceof ApiError ? Number(failure.details?.retryAfterSeconds) : NaN;
      if (Number.isFinite(retryAfter)) setSecondsLeft(retryAfter);
      setError(messageOf(failure, '验证码发送失败，请稍后重试'));
    }
  }

  async function verify() {
    setBusy(true);
    setError(null);
    try {
      onVerified(await verifyInvitationMobile(token, code.trim()));
    } catch (failure) {
      setError(messageOf(failure, '验证失败，请重试'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='card' id='own-mobile'>
      <Text className='card-title'>验证本人手机号码</Text>
      <Text className='hint'>申请人填写的您的手机号码：{mobileMasked ?? '未填写'}。请获取短信验证码并在此输入，证明号码为您本人使用。</Text>
      {sentTo && (
        <Text className='hint' id='own-sms-sent'>
          验证码已发送至{sentTo}
        </Text>
      )}
      <View className='upload-row'>
        <Input
          className='field-input sms-input'
          id='own-sms-code'
          type='number'
          maxlength={6}
          placeholder='请输入6位验证码'
          value={code}
          onInput={(event) => setCode(event.detail.value)}
        />
        <Button className='btn-small' id='own-sms-send' {...disabledProps(secondsLeft > 0)} onClick={() => void send()}>
          {secondsLeft > 0 ? `${secondsLeft}秒后重发` : '获取验证码'}
        </Button>
        <Button className='btn-small' id='own-sms-verify' {...disabledProps(busy || code.trim().length !== 6)} onClick={() => void verify()}>
          验证
        </Button>
      </View>
      {error && (
        <Text className='error-text' id='own-sms-error'>
          {error}
        </Text>
      )}
    </View>
  );
}
