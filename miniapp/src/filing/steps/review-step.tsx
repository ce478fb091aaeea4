import { useCallback, useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  PUBLIC_SECURITY_CONSENT_TEXT,
  fieldLabel,
  fieldValueText,
  offersPublicSecurityDataCode,
  type Finding,
  type OrderStepKey,
  type RejectionHint,
} from '@beian/shared';
import { regionPath } from '@beian/shared/regions';
import { busyButtonProps } from '../../components/busy-button.props';
import { redirect } from '../../routes';
import { getOrder, precheckOrder, rejectionHints } from '../../services/orders.api';
import { choosePublicSecurity } from '../../services/public-security.api';
import { ApiError, newIdempotencyKey } from '../../services/request';
import { useOrderStore } from '../../stores/order.store';
import { getAt, leaves, type DraftTree } from '../../utils/draft-path.util';
import { FieldErrorText } from '../components/draft-field';
import { filingContext, stepErrors, stepOfPath, WIZARD_STEPS } from '../utils/filing-steps.util';
import { servicesOf } from '../utils/services.util';
import type { StepProps } from './step-props';

const HIDDEN = /(^materials|\.fileId$|^agreements|\.sameAs$|\.smsCode$)/;
const AGREEMENTS = [
  { key: 'privacy', label: '我已阅读并同意《隐私声明》，同意为备案处理上述个人信息' },
  { key: 'terms', label: '我已阅读并同意《ICP备案服务条款》' },
  { key: 'commitment', label: '我已阅读并签署《互联网信息服务备案承诺书》，保证所填信息真实有效' },
];

/** Template ids of the progress messages, set at build time (`SUBSCRIBE_TEMPLATE_IDS`); WeChat asks at most 3 per tap. */
const TEMPLATE_IDS = SUBSCRIBE_TEMPLATE_IDS.slice(0, 3);

/** A cloud instance ID is an identifier to copy, as in the resource picker, not words. */
const INSTANCE_ID = /\.resource\.instanceId$/;

function displayValue(path: string, value: unknown): string {
  return fieldValueText(path, value, (code) => regionPath(code).join(' ') || code);
}

function rows(masked: DraftTree): { path: string; value: string }[] {
  return [...leaves(masked)]
    .filter(([path, value]) => !HIDDEN.test(path) && value !== '' && value !== null)
    .map(([path, value]) => ({ path, value: displayValue(path, value) }));
}

/** 公安联网备案 (S000 32–34): asked at submission; the submission goes on whatever the answer, which the progress page can change. */
async function askPublicSecurity(orderId: string): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '公安联网备案授权',
    content: PUBLIC_SECURITY_CONSENT_TEXT,
    confirmText: '同意授权',
    cancelText: '暂不授权',
  });
  await choosePublicSecurity(orderId, confirm ? 'granted' : 'declined').catch(() => undefined);
}

function stepLabel(step: OrderStepKey): string {
  return WIZARD_STEPS.find((entry) => entry.key === step)?.label ?? '';
}

/** 确认并提交: everything on one page, unmasked so the applicant can check their own typing, the pre-check, the agreements, the subscribe request and the submit. */
export function ReviewStep({ kind, subjectType, orderId, onGoTo }: StepProps & { onGoTo(step: OrderStepKey): void }) {
  const [masked, setMasked] = useState<DraftTree | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [hints, setHints] = useState<RejectionHint[]>([]);
  const [acknowledged, setAcknowledged] = useState<Record<number, boolean>>({});
  const [submitKey] = useState(newIdempotencyKey);
  const [submitting, setSubmitting] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const agreements = useOrderStore((state) => getAt(state.draft, 'agreements') as Record<string, boolean> | undefined);
  const error = useOrderStore((state) => state.error);
  const resubmitting = useOrderStore((state) => state.order !== null && state.order.status !== 'draft');

  const check = useCallback(async () => {
    if (!orderId) return;
    await useOrderStore.getState().flush();
    const [order, result] = await Promise.all([getOrder(orderId, true), precheckOrder(orderId)]);
    setMasked(order.draft);
    const fieldFindings: Finding[] = result.fields.map((field) => ({ ...field, severity: 'error', source: field.source ?? '' }));
    setFindings([...fieldFindings, ...result.findings]);
    // Common reasons are advice: without them the page still works.
    setHints(
      await rejectionHints(orderId).then(
        (answer) => answer.hints,
        () => [],
      ),
    );
  }, [orderId]);

  useEffect(() => {
    void check().catch((failure: unknown) => setNotice(failure instanceof ApiError ? failure.message : '检查失败，请稍后重试'));
  }, [check]);

  const errors = findings.filter((finding) => finding.severity === 'error' && !finding.path.startsWith('agreements'));
  const warnings = findings.map((finding, i) => ({ finding, i })).filter(({ finding }) => finding.severity === 'warning');
  const unacknowledged = warnings.some(({ i }) => !acknowledged[i]);

  function submit() {
    // Subscribe messages may only be asked for inside the tap, before anything else is awaited.
    const subscribed =
      process.env.TARO_ENV === 'weapp' && TEMPLATE_IDS.length > 0
        ? Taro.requestSubscribeMessage({ tmplIds: TEMPLATE_IDS, entityIds: [] }).catch(() => undefined)
        : Promise.resolve(undefined);
    void (async () => {
      await subscribed;
      const store = useOrderStore.getState();
      const ctx = filingContext(kind, subjectType, store.draft, store.clockOffsetMs);
      const local = WIZARD_STEPS.flatMap((step) => stepErrors(step.key, store.draft, ctx));
      store.setFieldErrors(local);
      if (local.length > 0 || unacknowledged) {
        setNotice(unacknowledged ? '请逐条确认上方的提醒后再提交' : '还有未填写或填写有误的内容，请按提示修改');
        if (local.length > 0) await check();
        return;
      }
      if (!resubmitting && orderId && offersPublicSecurityDataCode(kind, servicesOf(store.draft, 'websites').length)) await askPublicSecurity(orderId);
      setSubmitting(true);
      setNotice(null);
      try {
        const submitted = await store.submit(submitKey);
        if (submitted) await redirect('progress', { id: submitted.id });
        else await check();
      } finally {
        setSubmitting(false);
      }
    })();
  }

  return (
    <View id='review'>
      {masked &&
        (['subject', 'subjectPrincipal', 'websites', 'apps'] as const).map((section) => {
          const list = rows({ [section]: masked[section] });
          return list.length === 0 ? null : (
            <View className='sub-card' key={section} id={`review-${section}`}>
              {list.map((row) => (
                <View className='review-row' key={row.path}>
                  <Text className='review-label'>{fieldLabel(row.path)}</Text>
                  <Text className={`review-value${INSTANCE_ID.test(row.path) ? ' code-value' : ''}`}>{row.value}</Text>
                </View>
              ))}
            </View>
          );
        })}
      <View className='sub-card' id='precheck'>
        <Text className='service-title'>提交前检查</Text>
        {errors.length === 0 && warnings.length === 0 && <Text className='upload-done'>未发现问题</Text>}
        {errors.map((finding, i) => (
          <View className='finding finding-error' id={`finding-error-${i}`} key={`e${i}`}>
            <Text>
              {fieldLabel(finding.path)}：{finding.message}
            </Text>
            {finding.source && <Text className='hint finding-source'>依据：{finding.source}</Text>}
            <Text className='link' id={`finding-error-${i}-fix`} onClick={() => onGoTo(stepOfPath(finding.path))}>
              去“{stepLabel(stepOfPath(finding.path))}”修改
            </Text>
          </View>
        ))}
        {warnings.map(({ finding, i }) => (
          <View className='finding finding-warning' id={`finding-warning-${i}`} key={`w${i}`}>
            <Text>
              {fieldLabel(finding.path)}：{finding.message}
            </Text>
            {finding.source && <Text className='hint finding-source'>依据：{finding.source}</Text>}
            <Text
              className={`chip${acknowledged[i] ? ' chip-active' : ''}`}
              id={`finding-warning-${i}-ack`}
              onClick={() => setAcknowledged({ ...acknowledged, [i]: !acknowledged[i] })}
            >
              我已知晓
            </Text>
          </View>
        ))}
      </View>
      {hints.length > 0 && (
        <View className='sub-card' id='rejection-hints'>
          <Text className='service-title'>近一个月同类订单（同省份、同性质、同类型）的常见初审驳回原因</Text>
          {hints.map((hint, i) => (
            <View className='finding finding-warning' id={`rejection-hint-${i}`} key={`${hint.field}|${hint.reason}`}>
              <Text>
                {hint.fieldLabel}：{hint.reason}（{hint.count}次）
              </Text>
              <Text className='hint'>建议：{hint.suggestion}</Text>
            </View>
          ))}
        </View>
      )}
      {AGREEMENTS.map((agreement) => (
        <View className='field' key={agreement.key}>
          <Text
            className={`chip${agreements?.[agreement.key] ? ' chip-active' : ''}`}
            id={`agreements-${agreement.key}`}
            onClick={() => useOrderStore.getState().setField(`agreements.${agreement.key}`, !agreements?.[agreement.key])}
          >
            {agreements?.[agreement.key] ? '☑' : '☐'} {agreement.label}
          </Text>
          <FieldErrorText id={`agreements-${agreement.key}`} path={`agreements.${agreement.key}`} />
        </View>
      ))}
      {(notice ?? error) && (
        <Text className='error-text' id='submit-error'>
          {notice ?? error}
        </Text>
      )}
      <Button className='btn-primary' id='submit' {...busyButtonProps(submitting)} onClick={submit}>
        {resubmitting ? '重新提交' : '提交备案'}
      </Button>
    </View>
  );
}
