import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FilingCodeView, ServiceCodeGrantRequest } from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { grantServiceCodes, verifyServiceCodeGrant } from '../../services/codes.api';
import { ApiError } from '../../services/request';
import { sendSmsCode } from '../../services/sms.api';

const fieldsOf = (failure: unknown, fallback: string): Record<string, string> =>
  failure instanceof ApiError && failure.fields.length ? failure.fieldMessages() : { form: failure instanceof ApiError ? failure.message : fallback };

/**
 * 申请服务码并授权至其他账号 (seed 004 25–45): 服务码数量, 目标账号ID, 备注 → 验证 → the first grant to a target asks a
 * phone code → 生成并授权 → 二次确认. Without a server the codes are 未绑定实例 until bound (收费服务码, seed 004 L15, L79).
 */
export function GrantForm({ instanceId, onGranted }: { instanceId: string | null; onGranted(codes: FilingCodeView[]): void }) {
  const [count, setCount] = useState('1');
  const [target, setTarget] = useState('');
  const [remark, setRemark] = useState('');
  const [checked, setChecked] = useState<{ needsSmsCode: boolean } | null>(null);
  const [mobile, setMobile] = useState('');
  const [smsCode, setSmsCode] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const request = (): ServiceCodeGrantRequest => ({
    ...(instanceId ? { instanceId } : {}),
    count: Number(count),
    targetAccountId: target.trim(),
    ...(remark.trim() ? { remark: remark.trim() } : {}),
    ...(checked?.needsSmsCode ? { mobile: mobile.trim(), smsCode: smsCode.trim() } : {}),
  });

  async function run(action: () => Promise<void>, fallback: string) {
    setBusy(true);
    setErrors({});
    try {
      await action();
    } catch (failure) {
      setErrors(fieldsOf(failure, fallback));
    } finally {
      setBusy(false);
    }
  }

  const verify = () => run(async () => setChecked(await verifyServiceCodeGrant(request())), '验证失败，请稍后重试');
  const sendCode = () =>
    run(async () => {
      await sendSmsCode({ mobile: mobile.trim(), purpose: 'code_grant' });
      setSent(true);
    }, '验证码发送失败，请稍后重试');
  async function grant() {
    const { confirm } = await Taro.showModal({
      title: '确认授权',
      content: `确认生成 ${count} 个服务码并授权至账号 ${target.trim()}？授权后对方即可使用。`,
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!confirm) return;
    await run(async () => onGranted(await grantServiceCodes(request())), '授权失败，请稍后重试');
  }

  const field = (id: string, key: string, label: string, value: string, set: (v: string) => void, placeholder: string, type: 'text' | 'number' = 'text') => (
    <View className='field'>
      <Text className='field-label'>{label}</Text>
      <Input className='field-input' id={id} type={type} value={value} placeholder={placeholder} onInput={(e) => set(e.detail.value)} />
      {errors[key] && (
        <Text className='error-text' id={`${id}-error`}>
          {errors[key]}
        </Text>
      )}
    </View>
  );

  return (
    <View className='sub-card' id={`grant-form-${instanceId}`}>
      <Text className='card-title'>申请服务码并授权至其他账号</Text>
      {field('grant-count', 'count', '服务码数量', count, setCount, '服务码数量', 'number')}
      {field('grant-target', 'targetAccountId', '目标账号ID', target, (v) => (setTarget(v), setChecked(null)), '目标账号ID（12位）', 'number')}
      {field('grant-remark', 'remark', '备注', remark, setRemark, '备注（非必填）')}
      {errors.instanceId && (
        <Text className='error-text' id='grant-instance-error'>
          {errors.instanceId}
        </Text>
      )}
      {!checked && (
        <Button className='btn-secondary' id='grant-verify' {...busyButtonProps(busy)} onClick={() => void verify()}>
          验证
        </Button>
      )}
      {checked?.needsSmsCode && (
        <View id='grant-sms'>
          <Text className='hint'>首次授权至该账号，请完成手机验证码验证</Text>
          {field('grant-mobile', 'mobile', '手机号码', mobile, setMobile, '手机号码', 'number')}
          <Text className='link' id='grant-send-code' onClick={() => void sendCode()}>
            {sent ? '重新获取验证码' : '获取验证码'}
          </Text>
          {field('grant-sms-code', 'smsCode', '验证码', smsCode, setSmsCode, '短信验证码', 'number')}
          {errors.code && <Text className='error-text'>{errors.code}</Text>}
        </View>
      )}
      {checked && (
        <Button className='btn-primary' id='grant-submit' {...busyButtonProps(busy)} onClick={() => void grant()}>
          生成并授权
        </Button>
      )}
      {errors.form && <Text className='error-text'>{errors.form}</Text>}
    </View>
  );
}
