import { useEffect, useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { MigrationOptions, MigrationView } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { relaunch } from '../../../routes';
import { confirmMigration, getMigration, getMigrationOptions, sendMigrationCode } from '../../../services/migration.api';
import { createOrder, submitOrder } from '../../../services/orders.api';
import { ApiError, newIdempotencyKey } from '../../../services/request';
import './index.scss';

type Step = 'notice' | 'verify' | 'done';

const message = (failure: unknown, fallback: string) => (failure instanceof ApiError ? failure.message : fallback);

/** 迁移备案账号 (S003 4040–4077): 注意事项 → 验证信息 (主体负责人、联系方式、验证码、迁入账号 ID) → 确定, done at once. */
export default function RecordsMigratePage() {
  const { params } = useRouter<{ subjectId?: string }>();
  const [options, setOptions] = useState<MigrationOptions | null>(null);
  const [view, setView] = useState<MigrationView | null>(null);
  const [step, setStep] = useState<Step>('notice');
  const [form, setForm] = useState({ principalName: '', mobile: '', code: '', targetAccountId: '' });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (!params.subjectId) return;
    getMigrationOptions(params.subjectId)
      .then(setOptions)
      .catch((failure: unknown) => setError(message(failure, '加载失败，请稍后重新打开本页')));
  }, [params.subjectId]);

  const set = (key: keyof typeof form) => (e: { detail: { value: string } }) => setForm((now) => ({ ...now, [key]: e.detail.value }));

  function failed(failure: unknown, fallback: string) {
    if (failure instanceof ApiError && failure.fields.length) {
      const fields = failure.fieldMessages();
      setFieldErrors({ ...fields, ...(fields['migration.code'] ? { code: fields['migration.code'] } : {}) });
    } else setError(message(failure, fallback));
  }

  /** 下一步: the migration order is created, or the one already started is continued. */
  async function start() {
    if (!options) return;
    setBusy(true);
    setError(null);
    try {
      const orderId =
        options.resumeOrderId ??
        (
          await createOrder(
            { kind: 'migrate_account', subjectType: options.subjectType, serviceType: 'website', subjectId: options.subjectId },
            newIdempotencyKey(),
          )
        ).id;
      setView(await getMigration(orderId));
      setStep('verify');
    } catch (failure) {
      setError(message(failure, '办理失败，请稍后重试'));
    } finally {
      setBusy(false);
    }
  }

  async function sendCode() {
    if (!view) return;
    setBusy(true);
    setFieldErrors({});
    setError(null);
    try {
      setSentTo((await sendMigrationCode(view.orderId, { principalName: form.principalName.trim(), mobile: form.mobile.trim() })).addressMasked);
    } catch (failure) {
      failed(failure, '发送失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  async function confirm() {
    if (!view) return;
    setBusy(true);
    setFieldErrors({});
    setError(null);
    try {
      const trimmed = {
        principalName: form.principalName.trim(),
        mobile: form.mobile.trim(),
        code: form.code.trim(),
        targetAccountId: form.targetAccountId.trim(),
      };
      setView(await confirmMigration(view.orderId, trimmed));
      await submitOrder(view.orderId, newIdempotencyKey());
      setStep('done');
    } catch (failure) {
      failed(failure, '迁移失败，请稍后重试');
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (path: string) =>
    fieldErrors[path] ? (
      <Text className='error-text' id={`error-${path}`}>
        {fieldErrors[path]}
      </Text>
    ) : null;

  return (
    <View className='page records migrate' id='records-migrate'>
      <View className='card'>
        <Text className='card-title'>迁移备案账号</Text>
        {options && (
          <Text className='hint'>
            主体：{options.subjectIcpNumber} {options.subjectName}
          </Text>
        )}

        {step === 'notice' && options && (
          <View id='migration-notices'>
            <Text className='card-title'>注意事项</Text>
            {options.notices.map((notice) => (
              <Text className='notice' key={notice}>
                {notice}
              </Text>
            ))}
            {options.available ? (
              <Button className='btn-primary' id='migration-notice-next' {...busyButtonProps(busy)} onClick={() => void start()}>
                我已阅读，下一步
              </Button>
            ) : (
              <Text className='error-text' id='migration-refused'>
                {options.reason}
              </Text>
            )}
          </View>
        )}

        {step === 'verify' && view && (
          <View id='migration-verify'>
            <Text className='hint'>填写主体负责人以及联系方式，单击获取验证码，输入验证码后，并填写需迁入账号的账号 ID。</Text>
            <View className='field'>
              <Text className='hint'>主体负责人</Text>
              <Input id='principal-name' className='field-input' value={form.principalName} placeholder='主体负责人姓名' onInput={set('principalName')} />
              {fieldError('principalName')}
            </View>
            <View className='field'>
              <Text className='hint'>联系方式（手机号码{view.mobileMasked ? `，备案信息中为 ${view.mobileMasked}` : ''}）</Text>
              <Input
                id='principal-mobile'
                className='field-input'
                type='number'
                maxlength={11}
                value={form.mobile}
                placeholder='手机号码'
                onInput={set('mobile')}
              />
              {fieldError('mobile')}
            </View>
            <Button className='btn-secondary' id='send-code' {...busyButtonProps(busy)} onClick={() => void sendCode()}>
              点击获取
            </Button>
            {sentTo && (
              <Text className='hint' id='code-sent'>
                验证码已发送至 {sentTo}
              </Text>
            )}
            <View className='field'>
              <Input id='code' className='field-input' type='number' maxlength={6} value={form.code} placeholder='6 位验证码' onInput={set('code')} />
              {fieldError('code')}
            </View>
            <View className='field'>
              <Text className='hint'>迁入账号 ID</Text>
              <Input
                id='target-account-id'
                className='field-input'
                type='number'
                maxlength={12}
                value={form.targetAccountId}
                placeholder='需迁入账号的账号 ID'
                onInput={set('targetAccountId')}
              />
              {fieldError('targetAccountId')}
            </View>
            <Button
              className='btn-primary'
              id='confirm-migration'
              {...busyButtonProps(busy)}
              disabled={form.code.trim().length !== 6 || !form.targetAccountId.trim()}
              onClick={() => void confirm()}
            >
              确定
            </Button>
          </View>
        )}

        {step === 'done' && view && (
          <View id='migration-done'>
            <Text className='hint'>迁移完成：该备案主体已迁移至账号 {view.targetAccountId}，原账号将无法再管理该备案主体的信息。</Text>
            <Button className='btn-primary' id='back-to-records' onClick={() => void relaunch('records-list')}>
              返回我的备案
            </Button>
          </View>
        )}
        {error && (
          <Text className='error-text' id='migration-error'>
            {error}
          </Text>
        )}
      </View>
    </View>
  );
}
