import { useState } from 'react';
import type { SimulatedMiitSms } from '@beian/shared';
import { Button, Input, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SMS_VERIFY_TEXTS } from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { simulatedMiitSms, verifyRegulatorSms } from '../../../services/regulator-sim.api';
import { ApiError } from '../../../services/request';
import { useSessionStore } from '../../../services/session.store';
import './index.scss';

type Outcome = { kind: 'verified'; othersPending: boolean } | { kind: 'failed'; message: string; triesLeft: number | null; notMatched: boolean };

/** MIIT answers a wrong entry and a verification entered again before its result synced alike (S001 89–91). */
const NOT_MATCHED_ANSWERS = new Set(['SMS_CODE_WRONG', 'SMS_RESULT_NOT_SYNCED']);

function triesLeftOf(error: ApiError): number | null {
  const value = error.details?.triesLeft;
  return typeof value === 'number' ? value : null;
}

/**
 * Imitates MIIT's SMS verification page (工信部 ICP/IP地址/域名信息备案管理系统 · 短信核验): the person enters the
 * mobile number, the 6-digit code and the last six characters of the certificate number, brackets and letters included.
 */
export default function SimSmsVerifyPage() {
  const { params } = useRouter<{ mobile?: string }>();
  const [mobile, setMobile] = useState(params.mobile ?? '');
  const [code, setCode] = useState('');
  const [certLastSix, setCertLastSix] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [inbox, setInbox] = useState<SimulatedMiitSms[] | null>(null);

  /** The simulated phone: the MIIT texts this number received, to read the code from. */
  async function showInbox() {
    if (!/^1\d{10}$/.test(mobile.trim())) {
      setFieldErrors({ mobile: '请输入接收核验短信的11位手机号码' });
      return;
    }
    if (!useSessionStore.getState().token) {
      setFieldErrors({ mobile: '请先登录本小程序，再查看模拟短信' });
      return;
    }
    setInbox(await simulatedMiitSms(mobile.trim()).catch(() => []));
  }

  async function submit() {
    const errors: Record<string, string> = {};
    if (!/^1\d{10}$/.test(mobile.trim())) errors.mobile = '请输入接收核验短信的11位手机号码';
    if (!/^\d{6}$/.test(code.trim())) errors.code = '请输入短信中的6位验证码';
    if (!certLastSix.trim()) errors.certLastSix = '请输入证件号码后六位，如 567(8) 或 23456X';
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    try {
      const answer = await verifyRegulatorSms({ mobile: mobile.trim(), code: code.trim(), certLastSix: certLastSix.trim() });
      setOutcome({ kind: 'verified', othersPending: answer.othersPending });
    } catch (error) {
      if (error instanceof ApiError) {
        setFieldErrors(error.fieldMessages());
        setOutcome({ kind: 'failed', message: error.message, triesLeft: triesLeftOf(error), notMatched: NOT_MATCHED_ANSWERS.has(error.code) });
      } else {
        setOutcome({ kind: 'failed', message: '提交失败，请稍后重试', triesLeft: null, notMatched: false });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='page sim' id='sim-sms-verify'>
      <Text className='notice' id='sim-notice'>
        模拟页面：仅用于演示和测试，模仿工信部备案管理系统的短信核验页，不会向工信部提交任何信息。
      </Text>
      <View className='card'>
        <Text className='card-title'>ICP备案短信核验</Text>
        <Text className='hint'>请填写收到核验短信的手机号码、短信中的 6 位验证码，以及负责人证件号码的后六位（含字母和括号）。</Text>
        <View className='field'>
          <Text className='field-label'>手机号码</Text>
          <Input
            className='field-input'
            id='sim-mobile'
            type='number'
            maxlength={11}
            placeholder='请输入手机号码'
            value={mobile}
            onInput={(event) => setMobile(event.detail.value)}
          />
          {fieldErrors.mobile && <Text className='error-text'>{fieldErrors.mobile}</Text>}
          <Text className='link' id='sim-show-sms' onClick={() => void showInbox()}>
            查看该号码收到的工信部核验短信（模拟）
          </Text>
        </View>
        {inbox && (
          <View className='notice' id='sim-inbox'>
            {inbox.length === 0 && <Text>该号码尚未收到工信部核验短信</Text>}
            {inbox.map((sms) => (
              <Text className='hint' key={sms.sentAt + sms.text}>
                {sms.text}
              </Text>
            ))}
          </View>
        )}
        <View className='field'>
          <Text className='field-label'>验证码</Text>
          <Input
            className='field-input'
            id='sim-code'
            type='number'
            maxlength={6}
            placeholder='请输入6位验证码'
            value={code}
            onInput={(event) => setCode(event.detail.value)}
          />
          {fieldErrors.code && <Text className='error-text'>{fieldErrors.code}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>证件号码后六位</Text>
          <Input
            className='field-input'
            id='sim-cert'
            maxlength={12}
            placeholder='如 567(8) 或 23456X'
            value={certLastSix}
            onInput={(event) => setCertLastSix(event.detail.value)}
          />
          {fieldErrors.certLastSix && <Text className='error-text'>{fieldErrors.certLastSix}</Text>}
        </View>
        {outcome?.kind !== 'verified' && (
          <Button className='btn-primary' id='sim-submit' {...busyButtonProps(busy)} onClick={() => void submit()}>
            提交核验
          </Button>
        )}
      </View>
      {outcome?.kind === 'verified' && (
        <View className='card sim-result sim-ok' id='sim-result'>
          <Text className='card-title'>核验成功</Text>
          {outcome.othersPending && (
            <Text className='hint' id='sim-others-pending'>
              {SMS_VERIFY_TEXTS.othersPending}
            </Text>
          )}
          <Text className='hint'>核验结果将在 30–60 分钟内同步给接入商，请在备案进度中查看。</Text>
        </View>
      )}
      {outcome?.kind === 'failed' && (
        <View className='card sim-result sim-failed' id='sim-result'>
          <Text className='card-title'>核验未通过</Text>
          <Text className='error-text'>{outcome.notMatched ? SMS_VERIFY_TEXTS.notMatchedOrUnsynced : outcome.message}</Text>
          {outcome.notMatched && (
            <Text className='hint' id='sim-not-matched'>
              {SMS_VERIFY_TEXTS.notMatchedNextStep}
              {SMS_VERIFY_TEXTS.syncDelay}
            </Text>
          )}
          {outcome.triesLeft !== null && (
            <Text className='hint' id='sim-tries-left'>
              {outcome.triesLeft > 0 ? `还可尝试 ${outcome.triesLeft} 次` : '已无可尝试次数，本次核验失败'}
            </Text>
          )}
        </View>
      )}
    </View>
  );
}
