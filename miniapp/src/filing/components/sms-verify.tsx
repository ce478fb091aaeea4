import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { validateMobile } from '@beian/shared';
import { ApiError } from '../../services/request';
import { listMobileVerifications, sendSmsCode, verifySmsCode } from '../../services/sms.api';
import { useOrderStore } from '../../stores/order.store';
import { pathId, textAt } from '../../utils/draft-path.util';
import { disabledProps } from '../../components/busy-button.props';
import { FieldErrorText } from './draft-field';

/** Mobiles verified in this session. The server counts a verified number for every principal with it in the order. */
const verifiedHere = new Set<string>();

/** The API answers verified mobiles masked the way the server masks them. */
function masked(mobile: string): string {
  return `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
}

/**
 * Proves the principal's mobile with an SMS code: `<id>-send` (60 s countdown), `<id>` code input, `<id>-verify`,
 * `<id>-state`; `id` is `pathId(<path>.smsCode)`.
 */
export function SmsVerify({ orderId, path }: { orderId: string | null; path: string }) {
  const mobile = useOrderStore((state) => textAt(state.draft, `${path}.mobile`));
  const codePath = `${path}.smsCode`;
  const id = pathId(codePath);
  const [code, setCode] = useState('');
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [verified, setVerified] = useState(false);
  const valid = validateMobile(mobile).ok;

  useEffect(() => {
    setVerified(verifiedHere.has(mobile));
    if (!orderId || !valid) return;
    listMobileVerifications(orderId)
      .then((list) => {
        if (list.some((item) => item.mobileMasked === masked(mobile))) setVerified(true);
      })
      .catch(() => undefined);
  }, [orderId, mobile, valid]);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft(secondsLeft - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const showError = (message: string | null, at = codePath) =>
    useOrderStore.getState().setFieldErrors(message ? [{ path: at, code: 'SMS', message }] : [], (p) => p === at);

  async function send() {
    if (!valid) {
      showError('请先填写正确的11位手机号码', `${path}.mobile`);
      return;
    }
    showError(null);
    try {
      const sent = await sendSmsCode({ mobile, purpose: 'principal_mobile' });
      setSecondsLeft(sent.resendInSeconds);
    } catch (error) {
      const retryAfter = error instanceof ApiError ? Number(error.details?.retryAfterSeconds) : NaN;
      if (Number.isFinite(retryAfter)) setSecondsLeft(retryAfter);
      showError(error instanceof ApiError ? error.message : '验证码发送失败，请稍后重试');
    }
  }

  async function verify() {
    if (!orderId) return;
    try {
      await verifySmsCode({ mobile, code: code.trim(), orderId, path });
      verifiedHere.add(mobile);
      setVerified(true);
      showError(null);
    } catch (error) {
      showError(error instanceof ApiError ? (error.fields[0]?.message ?? error.message) : '验证失败，请重试');
    }
  }

  if (verified) {
    return (
      <Text className='upload-done' id={`${id}-state`}>
        手机号码已验证
      </Text>
    );
  }
  return (
    <View className='field'>
      <Text className='field-label'>短信验证码</Text>
      <View className='upload-row'>
        <Input
          className='field-input sms-input'
          id={id}
          type='number'
          maxlength={6}
          placeholder='请输入6位验证码'
          value={code}
          onInput={(event) => setCode(event.detail.value)}
        />
        <Button className='btn-small' id={`${id}-send`} {...disabledProps(secondsLeft > 0 || !orderId)} onClick={() => void send()}>
          {secondsLeft > 0 ? `${secondsLeft}秒后重发` : '获取验证码'}
        </Button>
        <Button className='btn-small' id={`${id}-verify`} {...disabledProps(code.trim().length !== 6)} onClick={() => void verify()}>
          验证
        </Button>
      </View>
      <Text className='hint' id={`${id}-state`}>
        手机号码未验证：提交前须用短信验证码验证
      </Text>
      <FieldErrorText id={id} path={codePath} />
    </View>
  );
}
