import type { FieldError } from '../errors';
import type { Finding } from '../rules/finding';
import type { OrderRejection } from './review';
import type { FilingTypeVerifyRequest } from './filing-type';
import type { TimelineEntry } from './timeline';

export * from './request-schemas';
/** Request/response types of the HTTP API (prefix `/api`). */

export type Role = 'applicant' | 'reviewer' | 'admin';

export interface SessionUser {
  id: string;
  nickname: string;
  roles: Role[];
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: SessionUser;
}

/** POST /api/auth/wechat-login: `code` from `wx.login()`. */
export interface WechatLoginRequest {
  code: string;
}

/** POST /api/auth/dev-login: embedded default only, for H5 and tests. */
export interface DevLoginRequest {
  nickname: string;
}

export interface OrderSummary {
  id: string;
  kind: string;
  subjectType: 'personal' | 'unit';
  serviceType: 'website' | 'app';
  status: string;
  statusLabel: string;
  /** What the order files, in words: each website's name and domain, each APP's name (empty before they are typed). */
  servicesText: string;
  version: number;
  updatedAt: string;
}

export interface OrderDetail extends OrderSummary {
  /** The draft with personal data masked (ID numbers, phones). */
  draft: Record<string, unknown>;
  timeline: TimelineEntry[];
  /** What happens next, for the progress page. */
  nextStep: string;
  /** Why the order was returned, each reason on its field (初审驳回, 资源失效退回); empty in any other state. */
  rejections: OrderRejection[];
  /** Paths the applicant may change while rejected (rejected + reopened); `null` = no field lock. */
  editablePaths: string[] | null;
  /** The server's time of this answer: the wizard's "today" (date wheels, date checks) is the server's, never the device's. */
  now: string;
}

/** POST /api/orders (header `Idempotency-Key`). */
export interface CreateOrderRequest {
  kind: string;
  subjectType: 'personal' | 'unit';
  serviceType: 'website' | 'app';
  /** The 验证备案类型 facts: the server decides the kind from them and refuses a `kind` that contradicts it. */
  verification?: FilingTypeVerifyRequest;
  /**
   * The 我的备案 subject the order starts from: required by every kind that acts on an approved filing (新增服务（本平台）,
   * 变更, 注销, 取消接入, 迁移); the subject must be the caller's and active.
   */
  subjectId?: string;
  /** 变更备案 / 变更服务: the subject's services chosen in "选择需要变更的服务" (变更服务 needs at least one). */
  serviceIds?: string[];
}

/** PATCH /api/orders/:id/draft: a partial draft merged per top-level section. */
export interface SaveDraftRequest {
  version: number;
  draft: Record<string, unknown>;
}

export interface SaveDraftResponse {
  version: number;
  savedAt: string;
}

/** GET /api/orders/:id/precheck: field errors (format, required) and pre-check findings (rules). */
export interface PrecheckResponse {
  fields: FieldError[];
  findings: Finding[];
}

/** 409 VERSION_CONFLICT carries `details: VersionConflictDetails`. */
export interface VersionConflictDetails {
  version: number;
  draft: Record<string, unknown>;
}
export * from './materials';
export * from './sms';
export * from './principals';
export * from './review';
export * from './progress';
export * from './messages';
export * from './filing-type';
export * from './dead-letters';
export * from './timeline';
export * from './filings';
export * from './filing-footer';
export * from './my-filings';
export * from './registry-lookup';
export * from './cancellations';
export * from './accounts';
export * from './codes';
export * from './account-migration';
export * from './precheck-insights';
export * from './resources';
export * from './public-security';
export * from './continue-codes';
