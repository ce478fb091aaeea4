import { useEffect, useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useLoad, useRouter, useShareAppMessage, useUnload } from '@tarojs/taro';
import {
  asksServiceIcpNumber,
  asksSubjectIcpNumber,
  ORDER_STEPS,
  PROVINCE_RULES,
  isEditableByApplicant,
  isOrderState,
  provinceRuleValue,
  type FilingTypeVerifyRequest,
  type OrderDetail,
  type OrderStepKey,
  type SubjectType,
} from '@beian/shared';
import { busyButtonProps } from '../../../components/busy-button.props';
import { currentRoute, redirect, relaunch, routeUrl } from '../../../routes';
import { resolveContinueCode, verifyFilingType } from '../../../services/orders.api';
import { ApiError, newIdempotencyKey } from '../../../services/request';
import { useSessionStore } from '../../../services/session.store';
import { useOrderStore, type SaveState } from '../../../stores/order.store';
import { getAt, textAt } from '../../../utils/draft-path.util';
import { ConflictPanel } from '../../components/conflict-panel';
import { ContinueOnPhone } from '../../components/continue-on-phone';
import { StepsBar } from '../../components/steps-bar';
import { FaceCheckStep } from '../../steps/face-check-step';
import { MaterialsStep } from '../../steps/materials-step';
import { PrincipalStep } from '../../steps/principal-step';
import { ReviewStep } from '../../steps/review-step';
import { ServicesStep } from '../../steps/services-step';
import type { StepProps } from '../../steps/step-props';
import { SubjectStep } from '../../steps/subject-step';
import { VerifyTypeStep } from '../../steps/verify-type-step';
import { scrollToField } from '../../utils/scroll-to-field.util';
import { refusalOfDraftCode } from '../../components/filing-code-fields';
import { filingContext, serviceTypeOf, stepErrors, stepOfPath, wizardKind, wizardTitle, WIZARD_STEPS } from '../../utils/filing-steps.util';

const SAVE_STATE_TEXT: Record<SaveState, string> = {
  saved: '已保存',
  saving: '保存中…',
  unsaved: '未保存',
  offline: '网络异常：内容暂存在本页，恢复后自动保存',
  conflict: '未保存：内容冲突，请在上方选择',
};

/** Fields of the verify request → where they are in the draft. */
const VERIFY_FIELD_PATHS: Record<string, string> = {
  regionCode: 'subject.regionCode',
  subjectNature: 'subject.nature',
  certificateType: 'subject.certificateType',
  certificateNumber: 'subject.certificateNumber',
  subjectName: 'subject.name',
  domain: 'websites.0.domains.0',
  appName: 'apps.0.name',
  kind: 'subject.certificateNumber',
};

function isStep(key: string | undefined): key is OrderStepKey {
  return key !== undefined && WIZARD_STEPS.some((step) => step.key === key);
}

/** The first step that still has field errors; the face check once every form step is complete. */
function resumeStep(kind: string, subjectType: SubjectType): OrderStepKey {
  const { draft, clockOffsetMs } = useOrderStore.getState();
  const ctx = filingContext(kind, subjectType, draft, clockOffsetMs);
  return WIZARD_STEPS.find((step) => step.key !== 'review_submit' && stepErrors(step.key, draft, ctx).length > 0)?.key ?? 'face_check';
}

/** Where a returned order opens: the first rejected field, else the first step with errors. */
function fixStart(order: OrderDetail): { step: OrderStepKey; path: string | null } {
  const path = order.rejections.find((rejection) => rejection.path !== null)?.path ?? null;
  return path ? { step: stepOfPath(path), path } : { step: resumeStep(order.kind, order.subjectType), path: null };
}

/**
 * The first-filing wizard (验证备案类型 → 主体信息 → 主体负责人 → 互联网信息服务 → 上传材料 → 视频核验 → 确认并提交).
 * Element ids: inputs are `pathId(draftPath)` with `<id>-error`; `step-tab-<key>`, `save-state`, `step-next`,
 * `step-prev`, `form-error`, `conflict` (see each component for its own). A rejected or returned order opens in fix mode:
 * `fix-banner`, only the rejected or reopened fields editable, and `resubmit` (重新提交) under every step.
 */
export default function FilingWizardPage() {
  const { params } = useRouter<{ id?: string; step?: string; scene?: string }>();
  const [step, setStep] = useState<OrderStepKey>(isStep(params.step) ? params.step : 'verify_type');
  const [chosenServiceType, setChosenServiceType] = useState<'website' | 'app'>('website');
  const [createKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [visits, setVisits] = useState(0);
  const [focusPath, setFocusPath] = useState<string | null>(null);
  const [continueError, setContinueError] = useState<string | null>(null);
  const order = useOrderStore((state) => state.order);
  const loading = useOrderStore((state) => state.loading);
  const error = useOrderStore((state) => state.error);
  const saveState = useOrderStore((state) => state.saveState);
  const savedAt = useOrderStore((state) => state.savedAt);
  const nature = useOrderStore((state) => textAt(state.draft, 'subject.nature'));
  const regionCode = useOrderStore((state) => textAt(state.draft, 'subject.regionCode'));
  const serviceType = useOrderStore((state) => (state.order ? serviceTypeOf(state.draft) : chosenServiceType));
  const kind = useOrderStore((state) => wizardKind(state.order, state.filingType));

  const fixing = order !== null && order.status !== 'draft';
  const subjectType: SubjectType = order?.subjectType ?? (nature === 'personal' || nature === '' ? 'personal' : 'unit');

  async function openOrder() {
    const store = useOrderStore.getState();
    if (params.scene) {
      const scene = decodeURIComponent(params.scene);
      // Only the order's owner may continue it: the phone logs in first and comes back to the code.
      if (!useSessionStore.getState().token) await relaunch('login', { back: routeUrl('filing-start', { scene }) });
      else await continueScanned(scene);
      return;
    }
    if (!params.id) {
      store.start({});
      return;
    }
    await store.load(params.id);
    const loaded = useOrderStore.getState().order;
    if (!loaded || isStep(params.step)) return;
    if (!isOrderState(loaded.status) || !isEditableByApplicant(loaded.status)) {
      await redirect('progress', { id: loaded.id });
      return;
    }
    if (loaded.status === 'draft') {
      setStep(resumeStep(loaded.kind, loaded.subjectType));
      return;
    }
    const start = fixStart(loaded);
    setStep(start.step);
    setFocusPath(start.path);
  }

  /** 扫码继续: the scanned code names an order and a step; this phone opens the same. */
  async function continueScanned(scene: string) {
    try {
      const target = await resolveContinueCode(scene);
      await redirect('filing-start', { id: target.orderId, step: target.step });
    } catch (failure) {
      setContinueError(
        failure instanceof ApiError && failure.status === 404 ? '该二维码不属于当前登录的账号：请用在电脑上填写备案的账号登录后再扫码' : '打开失败，请重新扫码',
      );
    }
  }

  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: wizardTitle(kind) });
  }, [kind]);

  useEffect(() => {
    if (focusPath) scrollToField(focusPath);
  }, [focusPath, step]);

  useLoad(() => void openOrder());

  useDidShow(() => setVisits((count) => count + 1));
  useUnload(() => void useOrderStore.getState().flush());

  useShareAppMessage((event) => {
    const dataset = (event.target as { dataset?: { token?: string; name?: string } } | undefined)?.dataset;
    return {
      title: `请${dataset?.name ?? ''}完成ICP备案视频核验`,
      path: dataset?.token ? routeUrl('principal-face', { token: dataset.token }) : routeUrl('home'),
    };
  });

  /** Where a refusal of 验证备案类型 shows: the 授权码 is the first service's resource. */
  function verifyFieldPath(path: string): string {
    if (path === 'authorizationCode') return `${chosenServiceType === 'website' ? 'websites' : 'apps'}.0.resource.authorizationCode`;
    return VERIFY_FIELD_PATHS[path] ?? path;
  }

  async function ensureOrder(): Promise<string | null> {
    const store = useOrderStore.getState();
    if (store.order) return store.order.id;
    if (!textAt(store.draft, 'subject.nature')) {
      store.setFieldErrors([{ path: 'subject.nature', code: 'REQUIRED', message: '请先选择主办者性质' }], (path) => path === 'subject.nature');
      return null;
    }
    const list = chosenServiceType === 'website' ? 'websites' : 'apps';
    // Almost every service is in 中文简体: offered as the default, the applicant may change it.
    if (getAt(store.draft, `${list}.0.languages`) === undefined) store.setField(`${list}.0.languages`, ['zh_hans']);
    // Every way into a new order (next step, an early upload) runs 验证备案类型 on certificate and domain first.
    const verification = verificationFacts();
    if (!verification) {
      const missing = stepErrors('verify_type', store.draft, filingContext(kind, subjectType, store.draft, store.clockOffsetMs));
      store.setFieldErrors(missing, (path) => stepOfPath(path) === 'verify_type');
      Taro.showToast({ title: '请先填写证件和域名等信息，完成备案类型验证', icon: 'none' }).catch(() => undefined);
      return null;
    }
    // A picked 服务码 is checked before an order exists; a typed 授权码 goes with the facts to the server's 验证备案类型.
    const codeRefusal = await refusalOfDraftCode(`${list}.0`, null);
    if (codeRefusal) {
      store.setFieldErrors([codeRefusal], (path) => path === codeRefusal.path);
      return null;
    }
    let decided: string;
    let subjectId: string | undefined;
    try {
      const decision = await verifyFilingType(verification);
      store.setFilingType(decision);
      if (!decision.kind) {
        // Already filed, or filed by someone else: no order to start; the reason says what to do instead.
        store.setFieldErrors([{ path: `${list}.0.${list === 'websites' ? 'domains.0' : 'name'}`, code: 'FILING_KIND_MISMATCH', message: decision.reason }]);
        return null;
      }
      decided = decision.kind;
      subjectId = decision.subjectId;
      prefillNumbers(decision.subjectIcpNumber, decision.serviceIcpNumber, decided);
    } catch (failure) {
      if (failure instanceof ApiError && failure.fields.length) store.setFieldErrors(failure.fields.map((f) => ({ ...f, path: verifyFieldPath(f.path) })));
      Taro.showToast({ title: failure instanceof ApiError ? failure.message : '验证备案类型失败，请重试', icon: 'none' }).catch(() => undefined);
      return null;
    }
    const created = await store.create(
      { kind: decided, subjectType, serviceType: chosenServiceType, verification, ...(subjectId ? { subjectId } : {}) },
      createKey,
    );
    const failure = useOrderStore.getState().error;
    if (!created && failure) Taro.showToast({ title: failure, icon: 'none' }).catch(() => undefined);
    return created?.id ?? null;
  }

  /** 接入 / 新增服务（外平台）: the numbers the registry answered go into the draft (主体备案号, the first service's 备案号). */
  function prefillNumbers(subjectIcpNumber: string | undefined, serviceIcpNumber: string | undefined, kind: string) {
    const store = useOrderStore.getState();
    const list = chosenServiceType === 'website' ? 'websites' : 'apps';
    if (subjectIcpNumber && asksSubjectIcpNumber(kind)) store.setField('subject.subjectIcpNumber', subjectIcpNumber);
    if (serviceIcpNumber && asksServiceIcpNumber(kind)) store.setField(`${list}.0.icpNumber`, serviceIcpNumber);
  }

  /** The 验证备案类型 facts once the first step has them all; no order is created before. */
  function verificationFacts(): FilingTypeVerifyRequest | null {
    const { draft } = useOrderStore.getState();
    const service = chosenServiceType === 'website' ? textAt(draft, 'websites.0.domains.0') : textAt(draft, 'apps.0.name');
    const facts = {
      regionCode: textAt(draft, 'subject.regionCode'),
      subjectNature: textAt(draft, 'subject.nature'),
      certificateType: textAt(draft, 'subject.certificateType'),
      certificateNumber: textAt(draft, 'subject.certificateNumber'),
      subjectName: textAt(draft, 'subject.name'),
    };
    if (!service || Object.values(facts).some((value) => !value)) return null;
    const list = chosenServiceType === 'website' ? 'websites' : 'apps';
    const authorizationCode =
      textAt(draft, `${list}.0.resource.type`) === 'authorization_code' ? textAt(draft, `${list}.0.resource.authorizationCode`).trim() : '';
    return {
      ...facts,
      serviceType: chosenServiceType,
      ...(chosenServiceType === 'website' ? { domain: service } : { appName: service }),
      ...(authorizationCode ? { authorizationCode } : {}),
    };
  }

  const emergencyRequired =
    regionCode.length >= 2 &&
    provinceRuleValue(PROVINCE_RULES, regionCode, subjectType, 'emergencyPhones', new Date().toISOString().slice(0, 10)) !== undefined;

  const index = WIZARD_STEPS.findIndex((entry) => entry.key === step);

  function goTo(next: OrderStepKey) {
    void useOrderStore.getState().flush();
    setStep(next);
    Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  }

  async function next() {
    const store = useOrderStore.getState();
    const errors = stepErrors(step, store.draft, filingContext(kind, subjectType, store.draft, store.clockOffsetMs));
    store.setFieldErrors(errors, (path) => stepOfPath(path) === step);
    if (errors.length > 0) {
      scrollToField(errors[0]!.path);
      return;
    }
    const following = WIZARD_STEPS[index + 1]?.key;
    if (!following) return;
    if (store.order) {
      goTo(following);
      return;
    }
    setBusy(true);
    try {
      const id = await ensureOrder();
      // The order's id goes into the address, so reopening the page edits this order instead of starting another.
      if (id) await redirect('filing-start', { id, step: following });
    } finally {
      setBusy(false);
    }
  }

  /** 重新提交 from any step: every step is checked first, the first error is shown on its step. */
  async function resubmit() {
    const store = useOrderStore.getState();
    const ctx = filingContext(kind, subjectType, store.draft, store.clockOffsetMs);
    const errors = WIZARD_STEPS.flatMap((entry) => stepErrors(entry.key, store.draft, ctx));
    store.setFieldErrors(errors);
    const first = errors[0];
    if (!first) {
      setBusy(true);
      try {
        const resubmitted = await store.submit(newIdempotencyKey());
        if (resubmitted) {
          // Back to the progress page 去修改 came from (it refreshes when shown), else open it.
          await (currentRoute(1) === 'progress' ? Taro.navigateBack() : redirect('progress', { id: resubmitted.id }));
          return;
        }
      } finally {
        setBusy(false);
      }
    }
    const failed = first ?? Object.keys(useOrderStore.getState().fieldErrors).map((path) => ({ path }))[0];
    if (failed) {
      setStep(stepOfPath(failed.path));
      setFocusPath(failed.path);
    }
  }

  const stepProps: StepProps = { kind, subjectType, orderId: order?.id ?? null, ensureOrder, emergencyRequired };
  const title = ORDER_STEPS[step].label;

  if (continueError) {
    return (
      <View className='page' id='filing-start'>
        <Text className='error-text' id='continue-error'>
          {continueError}
        </Text>
      </View>
    );
  }

  return (
    <View className='page' id='filing-start'>
      <StepsBar current={step} enabled={order !== null} onSelect={goTo} />
      {order && <ContinueOnPhone orderId={order.id} step={step} />}
      <ConflictPanel />
      {fixing && order.rejections.length > 0 && (
        <Text className='fix-banner' id='fix-banner'>
          {order.status === 'resource_returned'
            ? `云资源不再满足备案条件，订单已退回：请按红色提示续费或改选满足备案条件的实例（共 ${order.rejections.length} 项），其他内容已锁定，修改后点击“重新提交”。`
            : `审核未通过：请按红色提示修改被驳回的 ${order.rejections.length} 项内容，其他内容已锁定，修改后点击“重新提交”。`}
        </Text>
      )}
      {error && saveState !== 'offline' && (
        <Text className='error-text' id='form-error'>
          {error}
        </Text>
      )}
      {loading && !order && <Text className='hint'>加载中…</Text>}
      <View className='card' id={`step-${step}`}>
        <View className='upload-row'>
          <Text className='card-title'>
            {index + 1}. {title}
          </Text>
          {order && (
            <Text className={`save-state save-${saveState}`} id='save-state'>
              {SAVE_STATE_TEXT[saveState]}
              {saveState === 'saved' && savedAt ? ` ${new Date(savedAt).toLocaleTimeString('zh-CN', { hour12: false })}` : ''}
            </Text>
          )}
        </View>
        {step === 'verify_type' && <VerifyTypeStep {...stepProps} serviceType={serviceType} onServiceType={order ? null : setChosenServiceType} />}
        {step === 'subject' && <SubjectStep {...stepProps} />}
        {step === 'subject_principal' && <PrincipalStep {...stepProps} />}
        {step === 'services' && <ServicesStep {...stepProps} />}
        {step === 'materials' && <MaterialsStep {...stepProps} />}
        {step === 'face_check' && <FaceCheckStep {...stepProps} visits={visits} />}
        {step === 'review_submit' && <ReviewStep {...stepProps} onGoTo={goTo} />}
      </View>
      <View className='upload-row'>
        {index > 0 && (
          <Button className='btn-secondary' id='step-prev' onClick={() => goTo(WIZARD_STEPS[index - 1]!.key)}>
            上一步
          </Button>
        )}
        {step !== 'review_submit' && (
          <Button className={fixing ? 'btn-secondary' : 'btn-primary'} id='step-next' {...busyButtonProps(busy)} onClick={() => void next()}>
            {order ? '下一步' : '验证并创建备案订单'}
          </Button>
        )}
      </View>
      {fixing && step !== 'review_submit' && (
        <Button className='btn-primary' id='resubmit' {...busyButtonProps(busy)} onClick={() => void resubmit()}>
          重新提交
        </Button>
      )}
    </View>
  );
}
