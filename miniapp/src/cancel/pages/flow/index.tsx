import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import {
  CANCELLATION_NOTICES,
  CODE_CHANNELS,
  ORDER_KINDS,
  isCancellationKind,
  type CancellationKind,
  type CancellationOptions,
  type CancellationView,
  type CodeChannel,
} from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { navigate, redirect } from '../../../routes';
import { chooseCancellationServices, getCancellationOptions, sendCancellationCode, verifyCancellationCode } from '../../../services/cancellations.api';
import { createOrder, submitOrder, withdrawOrder } from '../../../services/orders.api';
import { ApiError, newIdempotencyKey } from '../../../services/request';
import './index.scss';

type Step = 'select' | 'notice' | 'verify' | 'done';

const message = (failure: unknown, fallback: string) => (failure instanceof ApiError ? failure.message : fallback);

/**
 * 注销主体 / 注销服务 / 批量注销服务 / 取消接入 / 批量取消接入: (batch) 选择网站 → 注意事项 → the declaration and the code by
 * phone or e-mail → 提交, straight to the 管局.
 */
export default function CancelFlowPage() {
  const { params } = useRouter<{ kind?: string; subjectId?: string; serviceId?: string }>();
  const kind = params.kind && isCancellationKind(params.kind) ? params.kind : null;
  const [options, setOptions] = useState<CancellationOptions | null>(null);
  const [picked, setPicked] = useState<string[]>([]);
  const [view, setView] = useState<CancellationView | null>(null);
  const [step, setStep] = useState<Step>(kind && ORDER_KINDS[kind].batch ? 'select' : 'notice');
  const [channel, setChannel] = useState<CodeChannel>('sms');
  const [declaration, setDeclaration] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!kind || !params.subjectId) return;
    getCancellationOptions(params.subjectId)
      .then(async (loaded) => {
        setOptions(loaded);
        if (!ORDER_KINDS[kind].batch) await start(loaded, kind, params.serviceId ? [params.serviceId] : []);
      })
      .catch((failure: unknown) => setError(message(failure, '加载失败，请稍后重新打开本页')));
    // The page's query never changes while it is open: the order is created once.
  }, [kind, params.subjectId, params.serviceId]);

  async function start(loaded: CancellationOptions, startKind: CancellationKind, serviceIds: string[]) {
    setBusy(true);
    setError(null);
    try {
      const order = await createOrder(
        { kind: startKind, subjectType: loaded.subjectType, serviceType: 'website', subjectId: loaded.subjectId },
        newIdempotencyKey(),
      );
      setView(await chooseCancellationServices(order.id, serviceIds));
      setStep('notice');
    } catch (failure) {
      setError(message(failure, '办理失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  /** The shell warning's 注销主体: this order is withdrawn and 注销主体 starts instead. */
  async function switchToCancelSubject() {
    if (!view || !options) return;
    setBusy(true);
    try {
      await withdrawOrder(view.orderId, newIdempotencyKey());
      await redirect('cancel-flow', { kind: 'cancel_subject', subjectId: options.subjectId });
    } catch (failure) {
      setError(message(failure, '操作失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  async function sendCode() {
    if (!view) return;
    setBusy(true);
    setFieldErrors({});
    try {
      setSentTo((await sendCancellationCode(view.orderId, channel)).addressMasked);
    } catch (failure) {
      setFieldErrors(failure instanceof ApiError ? { channel: failure.message, ...failure.fieldMessages() } : { channel: '发送失败，请稍后重试' });
    } finally {
      setBusy(false);
    }
  }

  async function submit() {
    if (!view) return;
    setBusy(true);
    setFieldErrors({});
    setError(null);
    try {
      await verifyCancellationCode(view.orderId, { channel, code: code.trim(), ...(view.declaration ? { declaration: declaration.trim() } : {}) });
      await submitOrder(view.orderId, newIdempotencyKey());
      setStep('done');
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length) setFieldErrors(failure.fieldMessages());
      else setError(message(failure, '提交失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  if (!kind) return <Text className='error-text'>不支持的办理类型</Text>;
  const label = ORDER_KINDS[kind].label;
  const cancelsServices = kind === 'cancel_service' || kind === 'cancel_services_batch';

  return (
    <View className='page cancel' id='cancel-flow'>
      <View className='card'>
        <Text className='card-title'>{label}</Text>
        {step === 'select' && options && (
          <View id='select-services'>
            <Text className='hint'>选择网站页面，勾选您需要办理的网站/APP。</Text>
            {options.services.map((s) => (
              <View
                key={s.id}
                className='pick'
                id={`pick-${s.id}`}
                onClick={() => setPicked((now) => (now.includes(s.id) ? now.filter((id) => id !== s.id) : [...now, s.id]))}
              >
                <Text className='pick-box'>{picked.includes(s.id) ? '☑' : '☐'}</Text>
                <Text>
                  {s.serviceIcpNumber} {s.name}
                </Text>
              </View>
            ))}
            {cancelsServices && picked.length > 0 && picked.length === options.services.length && (
              <Text className='notice'>{CANCELLATION_NOTICES.shellWarning}</Text>
            )}
            <Button
              className='btn-primary'
              id='select-next'
              {...busyButtonProps(busy)}
              disabled={!picked.length}
              onClick={() => void start(options, kind, picked)}
            >
              下一步
            </Button>
          </View>
        )}

        {step === 'notice' && view && (
          <View id='cancel-notices'>
            <Text className='hint'>
              主体：{view.subjectIcpNumber} {view.subjectName}
            </Text>
            {view.services.map((s) => (
              <Text className='hint' key={s.id}>
                {s.serviceIcpNumber} {s.name}
              </Text>
            ))}
            {view.notices.map((notice) => (
              <Text className='notice' key={notice}>
                {notice}
              </Text>
            ))}
            {cancelsServices && view.coversAllServices && (
              <Button className='btn-secondary' id='switch-cancel-subject' {...busyButtonProps(busy)} onClick={() => void switchToCancelSubject()}>
                注销主体
              </Button>
            )}
            <Button className='btn-primary' id='notice-next' onClick={() => setStep('verify')}>
              我已阅读，下一步
            </Button>
          </View>
        )}

        {step === 'verify' && view && (
          <View id='cancel-verify'>
            {view.declaration && (
              <View className='field'>
                <Text className='hint'>请输入声明：</Text>
                <Text className='guidance-item' id='declaration-text'>
                  {view.declaration}
                </Text>
                <Input
                  id='declaration'
                  className='field-input'
                  value={declaration}
                  placeholder='输入上方声明'
                  onInput={(e) => setDeclaration(e.detail.value)}
                />
                {fieldErrors.declaration && <Text className='error-text'>{fieldErrors.declaration}</Text>}
              </View>
            )}
            <Text className='hint'>{CANCELLATION_NOTICES.verifyByPhoneOrMail}</Text>
            {view.recipients.map((r) => (
              <View
                key={r.channel}
                className='pick'
                id={`channel-${r.channel}`}
                aria-disabled={r.addressMasked ? undefined : 'true'}
                onClick={() => r.addressMasked && setChannel(r.channel)}
              >
                <Text className='pick-box'>{channel === r.channel ? '◉' : '○'}</Text>
                <Text>
                  {CODE_CHANNELS[r.channel]}：{r.addressMasked ?? '负责人未登记'}
                </Text>
              </View>
            ))}
            <Button className='btn-secondary' id='send-code' {...busyButtonProps(busy)} onClick={() => void sendCode()}>
              获取验证码
            </Button>
            {sentTo && (
              <Text className='hint' id='code-sent'>
                验证码已发送至 {sentTo}
              </Text>
            )}
            {fieldErrors.channel && <Text className='error-text'>{fieldErrors.channel}</Text>}
            <Input
              id='code'
              className='field-input'
              type='number'
              maxlength={6}
              value={code}
              placeholder='6 位验证码'
              onInput={(e) => setCode(e.detail.value)}
            />
            {fieldErrors.code && <Text className='error-text'>{fieldErrors.code}</Text>}
            <Text className='notice' id='last-warning'>
              {CANCELLATION_NOTICES.accessNotWithdrawable}
            </Text>
            <Button
              className='btn-primary'
              id='submit-cancellation'
              {...busyButtonProps(busy)}
              disabled={code.trim().length !== 6}
              onClick={() => void submit()}
            >
              提交
            </Button>
          </View>
        )}

        {step === 'done' && view && (
          <View id='cancel-done'>
            <Text className='hint'>已提交至通信管局，等待管局审核。审核结果将以消息通知您。</Text>
            <Button className='btn-primary' id='open-progress' onClick={() => void navigate('progress', { id: view.orderId })}>
              查看进度
            </Button>
          </View>
        )}
        {error && (
          <Text className='error-text' id='cancel-error'>
            {error}
          </Text>
        )}
      </View>
    </View>
  );
}
