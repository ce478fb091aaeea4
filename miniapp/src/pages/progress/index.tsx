import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import {
  SMS_VERIFY_TEXTS,
  WORKFLOW_TIMINGS,
  fieldLabel,
  formatChinaTime,
  type ApplicantOrderAction,
  type OrderProgress,
  type OrderRejection,
  type SmsRecipientProgress,
} from '@beian/shared';
import { busyButtonProps } from '../../components/busy-button.props';
import { navigate } from '../../routes';
import { pullBackOrder, withdrawOrder } from '../../services/orders.api';
import { ApiError, newIdempotencyKey } from '../../services/request';
import { pathId } from '../../utils/draft-path.util';
import { useNow, useProgressPoll } from './progress-poll.hook';
import { PublicSecurityPanel } from './public-security-panel';
import './index.scss';

const MIIT_URL = 'https://beian.miit.gov.cn';
const MPS_URL = 'https://beian.mps.gov.cn';

const ROLE_LABELS: Record<SmsRecipientProgress['roles'][number], string> = {
  subject_principal: '主体负责人',
  service_principal: '网站/APP负责人',
};

const SMS_STATUS: Record<SmsRecipientProgress['status'], string> = {
  pending: '待核验',
  verified: '已核验',
  failed: '核验失败',
  expired: '已过期，等待重发',
};

/** `剩余 5 小时 12 分`, or that the time is up. */
function remaining(deadline: string, now: number): string {
  const ms = new Date(deadline).getTime() - now;
  if (Number.isNaN(ms)) return '';
  if (ms <= 0) return '已到期';
  const minutes = Math.ceil(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return `剩余 ${days > 0 ? `${days} 天 ` : ''}${hours} 小时 ${minutes % 60} 分`;
}

function copy(text: string) {
  void Taro.setClipboardData({ data: text });
}

/**
 * `waiting`: the order still waits at the SMS check. A wrong entry so far, or a verification whose result has not reached us
 * yet, is what MIIT's form answers with 填写有误或未同步 (S001 89–91): say what that answer means and what to do.
 */
function SmsRecipient({ sms, now, waiting }: { sms: SmsRecipientProgress; now: number; waiting: boolean }) {
  const who = sms.roles.map((role) => ROLE_LABELS[role]).join('、');
  const mistyped = sms.status === 'pending' && sms.triesLeft < WORKFLOW_TIMINGS.SMS_MAX_WRONG_ATTEMPTS.value;
  const unsynced = sms.status === 'verified' && waiting;
  return (
    <View className='sms-recipient' id={`sms-${sms.recipientMasked.replace(/\D/g, '')}`}>
      <View className='row-between'>
        <Text className='sms-mobile'>{sms.recipientMasked}</Text>
        <Text className={`sms-status sms-${sms.status}`}>{SMS_STATUS[sms.status]}</Text>
      </View>
      <Text className='hint'>{who}</Text>
      {sms.status === 'pending' && (
        <Text className='hint'>
          请该手机的机主打开工信部发送的核验短信中的链接，填写短信中的 6 位验证码、手机号码和证件号码后六位（含字母和括号），
          {sms.deadline ? `在 ${formatChinaTime(sms.deadline)} 前完成（${remaining(sms.deadline, now)}）。` : '尽快完成。'}
          还可输错 {sms.triesLeft} 次。
        </Text>
      )}
      {(mistyped || unsynced) && (
        <View className='notice' id={`sms-${sms.recipientMasked.replace(/\D/g, '')}-not-matched`}>
          <Text>若核验页面提示“{SMS_VERIFY_TEXTS.notMatchedOrUnsynced}”：</Text>
          <Text className='hint'>{mistyped ? SMS_VERIFY_TEXTS.notMatchedNextStep : SMS_VERIFY_TEXTS.syncDelay}</Text>
        </View>
      )}
      {sms.status === 'expired' && (
        <Text className='hint'>核验短信已过期，工信部将于次日 {WORKFLOW_TIMINGS.SMS_RESEND_HOUR_NEXT_DAY.value} 点重发一次，请留意短信并及时核验。</Text>
      )}
    </View>
  );
}

function Rejections({ orderId, rejections }: { orderId: string; rejections: OrderRejection[] }) {
  return (
    <View className='card' id='rejections'>
      <Text className='card-title'>需要修改的内容</Text>
      {rejections.map((rejection) => (
        <View className='rejection' key={`${rejection.path ?? rejection.kind}`} id={`rejection-${rejection.path ? pathId(rejection.path) : rejection.kind}`}>
          <Text className='rejection-path'>{rejection.path ? fieldLabel(rejection.path) : '订单'}</Text>
          <Text className='rejection-reason'>{rejection.reason}</Text>
          {rejection.suggestion && <Text className='hint'>建议：{rejection.suggestion}</Text>}
        </View>
      ))}
      <Button className='btn-primary' id='fix-rejections' onClick={() => void navigate('filing-start', { id: orderId })}>
        去修改
      </Button>
    </View>
  );
}

const ACTIONS: Record<ApplicantOrderAction, { label: string; confirm: string; done: string }> = {
  pull_back: {
    label: '撤回修改',
    confirm: '撤回后订单回到填写中，修改完成后需重新提交并重新排队初审。确定撤回吗？',
    done: '已撤回，请修改后重新提交',
  },
  withdraw: {
    label: '撤销订单',
    confirm: '撤销后本订单结束，不能恢复（已填写的信息会保留供查看）。确定撤销吗？',
    done: '订单已撤销',
  },
};

/** 撤回修改 and 撤销订单, each confirmed first; one idempotency key per confirmed tap, so a retry cannot act twice. */
function OrderActions({ orderId, actions, onDone }: { orderId: string; actions: ApplicantOrderAction[]; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!actions.length) return null;

  async function run(action: ApplicantOrderAction) {
    const { confirm } = await Taro.showModal({ title: ACTIONS[action].label, content: ACTIONS[action].confirm, confirmText: '确定', cancelText: '再想想' });
    if (!confirm) return;
    setBusy(true);
    setError(null);
    try {
      const key = newIdempotencyKey();
      await (action === 'pull_back' ? pullBackOrder(orderId, key) : withdrawOrder(orderId, key));
      void Taro.showToast({ title: ACTIONS[action].done, icon: 'none' });
      if (action === 'pull_back') void navigate('filing-start', { id: orderId });
      else onDone();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : '操作失败，请稍后重试');
      onDone();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className='card' id='order-actions'>
      {actions.includes('pull_back') && <Text className='hint'>审核专员领取订单前，可撤回修改后重新提交。</Text>}
      {actions.map((action) => (
        <Button key={action} className='btn-secondary' id={`action-${action}`} {...busyButtonProps(busy)} onClick={() => void run(action)}>
          {ACTIONS[action].label}
        </Button>
      ))}
      {error && (
        <Text className='error-text' id='order-action-error'>
          {error}
        </Text>
      )}
    </View>
  );
}

function Numbers({ numbers }: { numbers: string[] }) {
  return (
    <View className='card' id='icp-numbers'>
      <Text className='card-title'>备案号</Text>
      {numbers.map((number, i) => (
        <View className='row-between number-row' key={number}>
          <View>
            <Text className='hint'>{i === 0 ? '主体备案号' : `服务备案号 ${i}`}</Text>
            <Text className='icp-number'>{number}</Text>
          </View>
          <Button size='mini' onClick={() => copy(number)}>
            复制
          </Button>
        </View>
      ))}
      <Text className='hint footer-rule'>请在网站首页底部显示备案号，并链接至 {MIIT_URL}（工信部备案管理系统）。</Text>
      <Text className='hint footer-rule'>
        网站和APP开通之日起 {WORKFLOW_TIMINGS.PUBLIC_SECURITY_FILING_WINDOW.value} 日内，请在全国互联网安全管理服务平台（{MPS_URL}）办理公安联网备案。
      </Text>
      <Button className='btn-secondary' onClick={() => copy(MIIT_URL)}>
        复制工信部备案系统链接
      </Button>
    </View>
  );
}

function Status({ progress, now }: { progress: OrderProgress; now: number }) {
  const { minWorkingDays: min, maxWorkingDays: max } = progress.estimate;
  return (
    <View className='card'>
      <Text className='hint'>当前状态</Text>
      <Text className='status-label' id='order-status'>
        {progress.statusLabel}
      </Text>
      <Text className='hint' id='next-step'>
        {progress.nextStep}
      </Text>
      {progress.deadline && (
        <Text className='deadline' id='deadline'>
          请在 {formatChinaTime(progress.deadline)} 前完成（{remaining(progress.deadline, now)}）
        </Text>
      )}
      {max > 0 && (
        <Text className='hint' id='estimate'>
          预计还需 {min === max ? max : `${min}–${max}`} 个工作日
        </Text>
      )}
    </View>
  );
}

export default function ProgressPage() {
  const { params } = useRouter<{ id?: string }>();
  const id = params.id;
  const { progress, rejections, error, clockOffsetMs, refresh } = useProgressPoll(id);
  const counting = Boolean(progress?.deadline) || Boolean(progress?.sms.some((sms) => sms.deadline));
  const now = useNow(counting, clockOffsetMs, 30_000);

  if (!id) {
    return (
      <View className='page'>
        <Text className='error-text'>缺少订单编号，请从首页的“我的备案”进入</Text>
      </View>
    );
  }

  return (
    <View className='page' id='progress'>
      {error && (
        <Text className='error-text' id='progress-error'>
          {error}
        </Text>
      )}
      {!progress && !error && <Text className='hint'>加载中…</Text>}
      {progress && (
        <View>
          <Status progress={progress} now={now} />
          {rejections.length > 0 && <Rejections orderId={id} rejections={rejections} />}
          {progress.sms.length > 0 && (
            <View className='card' id='sms-verification'>
              <Text className='card-title'>工信部短信核验</Text>
              {progress.sms.map((sms) => (
                <SmsRecipient key={sms.recipientMasked} sms={sms} now={now} waiting={progress.status === 'sms_verification'} />
              ))}
            </View>
          )}
          {progress.numbers && progress.numbers.length > 0 && <Numbers numbers={progress.numbers} />}
          <PublicSecurityPanel orderId={id} status={progress.status} />
          <OrderActions orderId={id} actions={progress.applicantActions} onDone={refresh} />
          <View className='card' id='timeline'>
            <Text className='card-title'>办理记录</Text>
            {[...progress.timeline].reverse().map((entry) => (
              <View className='timeline-entry' key={`${entry.at}-${entry.to}`}>
                <View className='timeline-dot' />
                <Text className='timeline-title'>{entry.toLabel}</Text>
                <Text className='hint'>
                  {formatChinaTime(entry.at)} · {entry.actorLabel}
                </Text>
                {entry.reason && <Text className='hint'>{entry.reason}</Text>}
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  );
}
