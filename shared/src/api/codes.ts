/**
 * 备案授权码 (Tencent style) and ICP备案服务码 with grants (Aliyun style, seed 004): one model, a code on a server
 * instance. Prefix `/api`:
 * `GET codes/instances` → {@link CodeInstanceView}[] — the caller's servers (CVM / Lighthouse of the account's cloud
 *   resources, see `resources.ts`) a code can be made from; a server's 退费 kills its unused codes;
 * `GET codes/authorization` → {@link FilingCodeView}[] — the 授权码 this account generated;
 * `POST codes/authorization` {@link GenerateAuthorizationCodeRequest} → 201 {@link FilingCodeView};
 * `POST codes/authorization/:codeId/revoke` → {@link FilingCodeView} (only while 可使用);
 * `POST codes/check` {@link CheckCodeRequest} → {@link FilingCodeView} — a code the caller may file with (verify step, picker);
 * `GET codes/service?tab=own|received` → {@link FilingCodeView}[] — 服务码管理;
 * `POST codes/service/:codeId/bind` {@link BindServiceCodeRequest} → {@link FilingCodeView} — 查看并绑定服务码: the owner binds a
 *   未绑定实例 code to an eligible server of the account (可使用 after);
 * `POST codes/service/grants/verify` {@link ServiceCodeGrantRequest} → {@link GrantCheck} — 验证;
 * `POST codes/service/grants` {@link ServiceCodeGrantRequest} → 201 {@link FilingCodeView}[] — 生成并授权 (the phone code
 *   from `POST sms/codes` with purpose `code_grant` is required on the first grant to a target).
 * Refusals answer 422 with the rule's text on the field it concerns.
 */
export const CODE_KINDS = { authorization: '备案授权码', service: 'ICP备案服务码' } as const;
export type CodeKind = keyof typeof CODE_KINDS;

/** Stored states; the label depends on the kind and, for 服务码, on whether the code was received. */
export const CODE_STATES = ['available', 'unbound', 'reserved', 'used', 'revoked', 'refunded', 'expired'] as const;
export type CodeState = (typeof CODE_STATES)[number];

const AUTHORIZATION_LABELS: Record<CodeState, string> = {
  available: '可使用',
  unbound: '可使用',
  reserved: '使用中',
  used: '已使用',
  revoked: '已失效',
  refunded: '已失效',
  expired: '已失效',
};

/** Seed 004 67–95: 可使用 / 未绑定实例 / 备案中 / 已备案 / 已退费; a received code whose grantor's instance was refunded is 已失效. */
const SERVICE_LABELS: Record<CodeState, string> = {
  available: '可使用',
  unbound: '未绑定实例',
  reserved: '备案中',
  used: '已备案',
  revoked: '已失效',
  refunded: '已退费',
  expired: '已失效',
};

export function codeStateLabel(kind: CodeKind, state: CodeState, received: boolean): string {
  if (kind === 'authorization') return AUTHORIZATION_LABELS[state];
  return received && state === 'refunded' ? '已失效' : SERVICE_LABELS[state];
}

/** Why a code is 已失效 / 已退费, shown beside its state. */
const INVALID_REASONS: Partial<Record<CodeState, string>> = {
  revoked: '生成该编码的账号已撤销授权',
  refunded: '编码指向的服务器已退费',
  expired: '编码指向的服务器已到期',
};

export function codeInvalidReason(state: CodeState): string | null {
  return INVALID_REASONS[state] ?? null;
}

export interface CodeLimit {
  value: number | string;
  rule: string;
  source: string;
}

/** Every limit on codes, with where it comes from (seeds, or DOMAIN §5 where the seeds say nothing). */
export const CODE_LIMITS = {
  enterpriseOnlySince: {
    value: '2024-02-01',
    rule: '2024年02月01日起,只有认证类型为企业(不含个体、个体工商户)的账号,才可申请新的服务码并授权至其他账号',
    source: 'seed 004 L35',
  },
  grantorDistinctTargetsPerYear: { value: 10, rule: '一个账号每个自然年内最多将服务码授权至10个不同的账号(授权数量无限制)', source: 'seed 004 L47' },
  receiverDistinctGrantorsPerYear: { value: 3, rule: '一个账号每个自然年内最多接收来自3个不同账号的授权服务码(授权数量无限制)', source: 'seed 004 L49' },
  serviceCodesPerGrant: { value: 50, rule: '单次申请的服务码数量为1至50个', source: 'our own bound per request (seed 004: 服务码数量不限)' },
  authorizationCodesPerServer: { value: 5, rule: '每台服务器最多生成5个备案授权码（已撤销的不计）', source: 'DOMAIN §5 (provider practice, not in seeds)' },
  authorizationEnterpriseOnly: {
    value: 'enterprise',
    rule: '只有完成企业认证的账号才可以生成备案授权码',
    source: 'DOMAIN §5 (provider practice, not in seeds)',
  },
  oneCodeOneService: { value: 1, rule: '一个备案授权码只能用于一个网站或APP，备案成功后即失效', source: 'DOMAIN §5; seed 004 L21 for 服务码' },
  validWhileServer: { value: 'server', rule: '服务器到期或退费后，其未使用的授权码失效', source: 'DOMAIN §5; seed 004 L95 (已失效)' },
} as const satisfies Record<string, CodeLimit>;

/** The picker's hint for received 服务码 (seed 004, last line). */
export const SERVICE_CODE_PICKER_HINT = '如果您已收到备案服务码,但在备案流程中无法看到该服务码,请到服务码管理页面查看该服务码是否失效。';
/** What a 授权码 is (seed 003 L2718). */
export const AUTHORIZATION_CODE_HINT = '备案授权码是由服务器生成的用于备案的授权凭证，实际指向该服务器的 IP 地址。';

export interface CodeInstanceView {
  instanceId: string;
  publicIp: string;
  /** Null when a code can be made from it, otherwise why not. */
  ineligibleReason: string | null;
  refunded: boolean;
}

export interface FilingCodeView {
  codeId: string;
  kind: CodeKind;
  code: string;
  instanceId: string | null;
  publicIp: string | null;
  state: CodeState;
  stateLabel: string;
  /** Why the code can no longer be used (撤销, the server refunded or expired); null while it can. */
  invalidReason: string | null;
  /** The generating account's ID and the account the code is for. */
  ownerAccountId: string;
  holderAccountId: string;
  remark: string | null;
  createdAt: string;
}

export interface GenerateAuthorizationCodeRequest {
  instanceId: string;
  targetAccountId: string;
}

export interface CheckCodeRequest {
  kind: CodeKind;
  code: string;
  orderId?: string;
}

export interface BindServiceCodeRequest {
  instanceId: string;
}

export interface ServiceCodeGrantRequest {
  /** Absent: 收费 服务码 granted 未绑定实例 (seed 004 L15, L79), bound later by the grantor. */
  instanceId?: string;
  count: number;
  targetAccountId: string;
  remark?: string;
  /** The grantor's mobile and the code sent to it: only on the first grant to this target. */
  mobile?: string;
  smsCode?: string;
}

export interface GrantCheck {
  /** The first grant to this target this year: a phone code is needed before 生成并授权. */
  needsSmsCode: boolean;
  targetAccountId: string;
}
