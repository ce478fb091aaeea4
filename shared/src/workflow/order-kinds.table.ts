import type { CatalogSource } from '../catalog/catalog-source';
import type { OrderStepRef } from './order-steps.table';
import { isTableKey } from './table-key';
import { WIZARD_NOTICES } from './wizard-notices';

export type SmsRecipientRole = 'subject_principal' | 'service_principal';

export interface SmsRecipientRule {
  role: SmsRecipientRole;
  /**
   * `changed`: only when the part this principal answers for changed in the order
   * (subject data → subject principal, a service → its service principal). 变更 only.
   */
  when: 'always' | 'changed';
}

/** Which stages of the after-submission workflow an order kind goes through. */
export interface KindFlow {
  /** The provider's 初审 (cancellations go straight to the 管局). */
  initialReview: boolean;
  /** Submitted to MIIT/管局 at all (迁移备案账号 is handled inside the provider). */
  regulator: boolean;
  /** MIIT SMS verification (工信部短信核验). */
  smsVerification: boolean;
  /** The applicant may still withdraw once the order is with the 管局. */
  withdrawableAtRegulator: boolean;
}

export type FlowFlag = keyof KindFlow;

/** Services per order. `null`: no national cap (province rules may still set one). */
export interface ServicesPerOrder {
  min: number;
  max: { personal: number | null; unit: number | null };
}

export type OrderKindGroup = 'filing' | 'change' | 'cancel' | 'cancel_access' | 'migration';

export interface OrderKindDefinition {
  label: string;
  group: OrderKindGroup;
  batch: boolean;
  /** Found by 验证备案类型 from the certificate number and the domain instead of picked by the user. */
  detected: boolean;
  steps: readonly OrderStepRef[];
  flow: KindFlow;
  smsRecipients: readonly SmsRecipientRule[];
  servicesPerOrder: ServicesPerOrder;
  /** May offer the 公安备案数据码 authorisation (websites only). */
  publicSecurityDataCode: boolean;
  /** Label of the `approved` state for this kind. */
  approvedLabel: string;
  approvedNextStep: string;
  /** Shown on the kind's notice page or before submission. */
  notices: readonly string[];
  sources: readonly CatalogSource[];
}

const TENCENT_GUIDE = '腾讯云 ICP 备案操作指引（小程序端）';
const SMS_RULES: CatalogSource = {
  source: 'DOMAIN.md §4 工信部短信核验（自 2020-08-17 起）；京东云 备案短信核验说明',
  date: '2025-03-21',
};

const FILING_FLOW: KindFlow = {
  initialReview: true,
  regulator: true,
  smsVerification: true,
  withdrawableAtRegulator: true,
};
/** 注销 applications go straight to the 管局 and "一旦提交至通信管局将无法撤回". */
const CANCEL_FLOW: KindFlow = {
  initialReview: false,
  regulator: true,
  smsVerification: true,
  withdrawableAtRegulator: false,
};
/** 取消接入 has no MIIT SMS check. */
const CANCEL_ACCESS_FLOW: KindFlow = { ...CANCEL_FLOW, smsVerification: false };
const MIGRATION_FLOW: KindFlow = {
  initialReview: false,
  regulator: false,
  smsVerification: false,
  withdrawableAtRegulator: false,
};

const NEW_FILING_LIMIT: ServicesPerOrder = { min: 1, max: { personal: 1, unit: 10 } };
const ONE_SERVICE: ServicesPerOrder = { min: 1, max: { personal: 1, unit: 1 } };
const ANY_SERVICES: ServicesPerOrder = { min: 1, max: { personal: null, unit: null } };
const WHOLE_SUBJECT: ServicesPerOrder = { min: 0, max: { personal: null, unit: null } };

const FULL_STEPS: readonly OrderStepRef[] = [
  { key: 'verify_type', mode: 'edit' },
  { key: 'subject', mode: 'edit' },
  { key: 'subject_principal', mode: 'edit' },
  { key: 'services', mode: 'edit' },
  { key: 'materials', mode: 'edit' },
  { key: 'face_check', mode: 'edit' },
  { key: 'review_submit', mode: 'confirm' },
];
const SERVICE_STEPS: readonly OrderStepRef[] = FULL_STEPS.slice(3);

const FILED_NEXT_STEP = '请在网站首页底部展示备案号并链接至 https://beian.miit.gov.cn，网站或APP开通后 30 日内完成公安联网备案。';
const CHANGED_NEXT_STEP = '备案信息已更新，网站首页底部展示的备案号保持不变。';
const CANCELLED_NEXT_STEP = '备案已注销，相关网站/APP 将无法继续访问。';
const NOT_WITHDRAWABLE = '申请提交至管局后无法撤回，请确认后再提交。';
const EMPTY_SHELL_WARNING = '如果注销后主体下不再有任何网站/APP，主体将成为空壳主体，建议直接办理注销主体。';
const NO_PROVIDER_WARNING = '取消接入后如果没有其他接入商，管局可能注销该备案号，导致域名无法访问。';

export const ORDER_KINDS = {
  first_filing: {
    label: '首次备案',
    group: 'filing',
    batch: false,
    detected: true,
    steps: FULL_STEPS,
    flow: FILING_FLOW,
    smsRecipients: [
      { role: 'subject_principal', when: 'always' },
      { role: 'service_principal', when: 'always' },
    ],
    servicesPerOrder: NEW_FILING_LIMIT,
    publicSecurityDataCode: true,
    approvedLabel: '备案成功',
    approvedNextStep: FILED_NEXT_STEP,
    notices: [],
    sources: [{ source: `${TENCENT_GUIDE}·首次备案`, date: '2025-06-27' }, SMS_RULES],
  },
  access_filing: {
    label: '接入备案',
    group: 'filing',
    batch: false,
    detected: true,
    steps: FULL_STEPS,
    flow: FILING_FLOW,
    // MIIT sends to the service principal's phone in the existing filing, so it must still match.
    smsRecipients: [{ role: 'service_principal', when: 'always' }],
    servicesPerOrder: ANY_SERVICES,
    publicSecurityDataCode: false,
    approvedLabel: '接入成功',
    approvedNextStep: '接入备案成功，备案号保持不变，请确认网站首页底部已展示备案号。',
    notices: [WIZARD_NOTICES.accessProvidersCoexist, '接入备案不改变备案号；工信部核验短信将发送至原备案信息中服务负责人的手机号码。'],
    sources: [{ source: `${TENCENT_GUIDE}·接入备案`, date: '2025-06-27' }, SMS_RULES],
  },
  add_service_local: {
    label: '新增服务（原备案在本平台）',
    group: 'filing',
    batch: false,
    detected: true,
    steps: [{ key: 'verify_type', mode: 'edit' }, { key: 'subject', mode: 'confirm' }, { key: 'subject_principal', mode: 'confirm' }, ...SERVICE_STEPS],
    flow: FILING_FLOW,
    smsRecipients: [{ role: 'service_principal', when: 'always' }],
    servicesPerOrder: NEW_FILING_LIMIT,
    publicSecurityDataCode: true,
    approvedLabel: '备案成功',
    approvedNextStep: FILED_NEXT_STEP,
    notices: [],
    sources: [{ source: `${TENCENT_GUIDE}·新增服务（原备案在腾讯云）`, date: '2025-06-27' }, SMS_RULES],
  },
  add_service_remote: {
    label: '新增服务（原备案不在本平台）',
    group: 'filing',
    batch: false,
    detected: true,
    steps: FULL_STEPS,
    flow: FILING_FLOW,
    smsRecipients: [{ role: 'service_principal', when: 'always' }],
    servicesPerOrder: NEW_FILING_LIMIT,
    publicSecurityDataCode: true,
    approvedLabel: '备案成功',
    approvedNextStep: FILED_NEXT_STEP,
    notices: ['主体已在其他接入商备案，可能需要填写主体备案号和备案密码。'],
    sources: [{ source: `${TENCENT_GUIDE}·新增服务（原备案不在腾讯云）`, date: '2025-06-27' }, SMS_RULES],
  },
  change_filing: {
    label: '变更备案',
    group: 'change',
    batch: false,
    detected: false,
    steps: FULL_STEPS.slice(1),
    flow: FILING_FLOW,
    smsRecipients: [
      { role: 'subject_principal', when: 'changed' },
      { role: 'service_principal', when: 'changed' },
    ],
    servicesPerOrder: WHOLE_SUBJECT,
    publicSecurityDataCode: false,
    approvedLabel: '变更成功',
    approvedNextStep: CHANGED_NEXT_STEP,
    notices: [
      '若您只需要变更服务（网站/APP）信息，可直接进行变更服务。',
      WIZARD_NOTICES.provinceNotChangeable,
      '请确认已备案的服务（网站/APP）为打开状态。备案归属地由主办单位通信地址决定。',
      '网站底部必须注明网站备案号，否则会造成管局审核不通过。',
      '个人备案可变更为企业备案，企业备案无法变更为个人备案。',
    ],
    sources: [{ source: `${TENCENT_GUIDE}·变更备案`, date: '2025-05-27' }, SMS_RULES],
  },
  change_service: {
    label: '变更服务',
    group: 'change',
    batch: false,
    detected: false,
    steps: SERVICE_STEPS,
    flow: FILING_FLOW,
    smsRecipients: [{ role: 'service_principal', when: 'always' }],
    // "选择需要变更的服务" and "当前订单所有服务" (S003 3244, 3293): one or more services of the subject.
    servicesPerOrder: ANY_SERVICES,
    publicSecurityDataCode: false,
    approvedLabel: '变更成功',
    approvedNextStep: CHANGED_NEXT_STEP,
    notices: [
      '个人备案时，服务负责人默认为主体负责人，因此网站/APP 变更办理不支持变更服务负责人，若需要变更服务负责人，请进行变更备案办理。',
      '请确认已备案的服务为打开状态。',
      '网站底部必须注明网站备案号，否则会造成管局审核不通过。',
    ],
    sources: [{ source: `${TENCENT_GUIDE}·变更服务`, date: '2025-05-27' }, SMS_RULES],
  },
  cancel_subject: {
    label: '注销主体',
    group: 'cancel',
    batch: false,
    detected: false,
    steps: [
      { key: 'notice', mode: 'confirm' },
      { key: 'declaration', mode: 'edit' },
      { key: 'account_verification', mode: 'edit' },
    ],
    flow: CANCEL_FLOW,
    smsRecipients: [{ role: 'subject_principal', when: 'always' }],
    servicesPerOrder: WHOLE_SUBJECT,
    publicSecurityDataCode: false,
    approvedLabel: '注销成功',
    approvedNextStep: CANCELLED_NEXT_STEP,
    notices: ['注销主体将同时注销该主体下的所有网站/APP。', NOT_WITHDRAWABLE],
    sources: [{ source: `${TENCENT_GUIDE}·注销主体`, date: '2025-03-13' }, SMS_RULES],
  },
  cancel_service: {
    label: '注销服务',
    group: 'cancel',
    batch: false,
    detected: false,
    steps: [
      { key: 'notice', mode: 'confirm' },
      { key: 'account_verification', mode: 'edit' },
    ],
    flow: CANCEL_FLOW,
    smsRecipients: [{ role: 'service_principal', when: 'always' }],
    servicesPerOrder: ONE_SERVICE,
    publicSecurityDataCode: false,
    approvedLabel: '注销成功',
    approvedNextStep: CANCELLED_NEXT_STEP,
    notices: [EMPTY_SHELL_WARNING, NOT_WITHDRAWABLE],
    sources: [{ source: `${TENCENT_GUIDE}·注销服务`, date: '2025-06-09' }, SMS_RULES],
  },
  cancel_services_batch: {
    label: '批量注销服务',
    group: 'cancel',
    batch: true,
    detected: false,
    steps: [
      { key: 'notice', mode: 'confirm' },
      { key: 'select_services', mode: 'edit' },
      { key: 'account_verification', mode: 'edit' },
    ],
    flow: CANCEL_FLOW,
    smsRecipients: [{ role: 'service_principal', when: 'always' }],
    servicesPerOrder: ANY_SERVICES,
    publicSecurityDataCode: false,
    approvedLabel: '注销成功',
    approvedNextStep: CANCELLED_NEXT_STEP,
    notices: [EMPTY_SHELL_WARNING, NOT_WITHDRAWABLE],
    sources: [{ source: `${TENCENT_GUIDE}·批量注销服务`, date: '2024-08-07' }, SMS_RULES],
  },
  cancel_access: {
    label: '取消接入',
    group: 'cancel_access',
    batch: false,
    detected: false,
    steps: [
      { key: 'notice', mode: 'confirm' },
      { key: 'account_verification', mode: 'edit' },
    ],
    flow: CANCEL_ACCESS_FLOW,
    smsRecipients: [],
    servicesPerOrder: ONE_SERVICE,
    publicSecurityDataCode: false,
    approvedLabel: '取消接入成功',
    approvedNextStep: '该网站/APP 已不在本平台接入，如需继续提供服务请尽快在新的接入商办理接入备案。',
    notices: [NO_PROVIDER_WARNING, NOT_WITHDRAWABLE],
    sources: [{ source: `${TENCENT_GUIDE}·取消接入服务`, date: '2025-03-24' }],
  },
  cancel_access_batch: {
    label: '批量取消接入',
    group: 'cancel_access',
    batch: true,
    detected: false,
    steps: [
      { key: 'notice', mode: 'confirm' },
      { key: 'select_services', mode: 'edit' },
      { key: 'account_verification', mode: 'edit' },
    ],
    flow: CANCEL_ACCESS_FLOW,
    smsRecipients: [],
    servicesPerOrder: ANY_SERVICES,
    publicSecurityDataCode: false,
    approvedLabel: '取消接入成功',
    approvedNextStep: '所选网站/APP 已不在本平台接入，如需继续提供服务请尽快在新的接入商办理接入备案。',
    notices: [NO_PROVIDER_WARNING, '取消接入全部服务后，主体将同时从本平台移除。', NOT_WITHDRAWABLE],
    sources: [{ source: `${TENCENT_GUIDE}·批量取消接入服务`, date: '2024-08-07' }],
  },
  migrate_account: {
    label: '迁移备案账号',
    group: 'migration',
    batch: false,
    detected: false,
    steps: [
      { key: 'notice', mode: 'confirm' },
      { key: 'migration_target', mode: 'edit' },
      { key: 'account_verification', mode: 'edit' },
    ],
    flow: MIGRATION_FLOW,
    smsRecipients: [],
    servicesPerOrder: WHOLE_SUBJECT,
    publicSecurityDataCode: false,
    approvedLabel: '迁移成功',
    approvedNextStep: '备案信息已迁移至新账号，原账号不能再管理该备案主体。',
    notices: [
      '有备案订单在流程中时无法迁移，请等待订单完成或结束后再办理。',
      '迁入账号不能有备案信息或备案订单，其实名认证须与备案主体一致。',
      '主体负责人联系方式已失效的，请先办理变更备案再迁移。',
      '迁移完成后，原账号将无法再管理该备案主体。',
    ],
    sources: [{ source: `${TENCENT_GUIDE}·迁移备案账号`, date: '2024-06-04' }],
  },
} as const satisfies Record<string, OrderKindDefinition>;

export type OrderKind = keyof typeof ORDER_KINDS;

export const ORDER_KIND_KEYS = Object.keys(ORDER_KINDS) as OrderKind[];

export function isOrderKind(value: string): value is OrderKind {
  return isTableKey(ORDER_KINDS, value);
}

/**
 * Kinds that act on an approved filing (新增服务（本平台）, 变更, 注销, 取消接入, 迁移): the order starts from a subject in
 * 我的备案 (`subjectId`) and its draft is a copy of the record.
 */
export function startsFromRecord(kind: OrderKind): boolean {
  return kind === 'add_service_local' || ORDER_KINDS[kind].group !== 'filing';
}

/** 变更备案 / 变更服务: orders that change the approved record, copied from it; numbers and province stay. */
export function changesRecord(kind: string): boolean {
  return isOrderKind(kind) && ORDER_KINDS[kind].group === 'change';
}

export function orderKind(kind: OrderKind): OrderKindDefinition {
  return ORDER_KINDS[kind];
}

/** 公安联网备案数据码: only 首次备案 and 新增网站 kinds, and only when the order has a website (S000 16–20, 96–98). */
export function offersPublicSecurityDataCode(kind: string, websites: number): boolean {
  return isOrderKind(kind) && ORDER_KINDS[kind].publicSecurityDataCode && websites > 0;
}

/** Filings the product explains but cannot submit. */
export const OFFLINE_GUIDANCE = {
  cancel_empty_subject: {
    label: '注销空壳主体',
    summary: '空壳主体（主体备案号仍在，但名下已没有任何网站/APP 和接入信息）无法在线注销，需向备案所在地通信管理局提交书面申请。',
    steps: [
      '在工信部域名信息备案管理系统的通知公告中，按备案省份和“注销”关键字查找并下载 ICP 备案注销申请表。',
      '按该省的填表须知填写注销申请表，并准备主体证件等材料。',
      '将申请表和证件材料递交至备案所在地通信管理局，等待审核通知。',
    ],
    link: 'https://beian.miit.gov.cn/#/Integrated/notice_list',
    source: { source: `${TENCENT_GUIDE}·注销空壳主体`, date: '2024-11-04' },
  },
} as const;
