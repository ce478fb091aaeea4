import { z } from 'zod/mini';
/**
 * 迁移备案账号 (S003 4040–4077): a subject of 我的备案 moves to another main account, with no 初审, MIIT SMS or 管局.
 * `GET /api/filings/subjects/:id/migration` → {@link MigrationOptions}: whether it can start now, and why not.
 * The order is created by `POST /api/orders` {kind: 'migrate_account', subjectType, serviceType, subjectId}, then:
 * `GET /api/orders/:id/migration` → {@link MigrationView}
 * `POST /api/orders/:id/migration/codes` {@link MigrationCodeRequest} → 201 SendAccountCodeResponse: the principal
 *   and mobile typed must be the subject principal's on record; the code goes to that mobile.
 * `POST /api/orders/:id/migration/confirm` {@link MigrationConfirmRequest} → {@link MigrationView}: the code and the
 *   target account, each refusal on its field (`code`, `targetAccountId`).
 * `POST /api/orders/:id/submit` then moves the subject (guard `migration_allowed` checks everything again).
 */
export const MIGRATION_NOTICES = [
  '若您有备案订单在流程中，将无法进行迁移备案账号，请等待备案订单完成或结束后进行。',
  '完成备案信息迁移后，原账号将无法再管理该备案主体的信息。',
  '迁入账号需为本平台的主账号，子账号不能迁入。',
  '迁入账号如果有备案信息或备案订单，则无法完成备案信息的迁移。',
  '如果主体负责人的联系方式已经失效，请先完成备案信息的变更，再进行备案信息的迁移。',
  '原账号的备案主体需要与迁入账号的实名认证保持一致（例如企业机构账号实名认证名称需要与备案主体名称或法定代表人保持一致）。',
] as const;

/** Each refusal of 迁移备案账号 with its message, on the field that caused it. */
export const MIGRATION_REFUSALS = {
  MIGRATION_ORDER_IN_FLIGHT: '有备案订单在流程中，无法迁移备案账号，请等待备案订单完成或结束后进行',
  MIGRATION_TARGET_NOT_FOUND: '迁入账号不存在，请核对账号 ID',
  MIGRATION_TARGET_SAME: '迁入账号不能是当前账号，请填写需迁入账号的账号 ID',
  MIGRATION_TARGET_NOT_MAIN: '迁入账号需为主账号，子账号不能迁入备案信息',
  MIGRATION_TARGET_HAS_FILINGS: '迁入账号已有备案信息或备案订单，无法完成备案信息的迁移',
  MIGRATION_REAL_NAME_MISMATCH: '迁入账号的实名认证与备案主体不一致，请使用与备案主体实名一致的主账号',
  MIGRATION_PRINCIPAL_MISMATCH: '主体负责人或联系方式与备案信息不一致；如联系方式已失效，请先完成备案信息的变更',
} as const;
export type MigrationRefusal = keyof typeof MIGRATION_REFUSALS;

export interface MigrationOptions {
  subjectId: string;
  subjectType: 'personal' | 'unit';
  subjectName: string;
  subjectIcpNumber: string;
  available: boolean;
  /** Why it cannot start now; null when it can. */
  reason: string | null;
  /** The migration of this subject the account already started (a draft): continued instead of a new one. */
  resumeOrderId: string | null;
  notices: string[];
}

export interface MigrationView {
  orderId: string;
  subjectName: string;
  subjectIcpNumber: string;
  /** The subject principal's mobile on record, masked: where the code goes. */
  mobileMasked: string | null;
  /** The target typed at confirmation; null before. */
  targetAccountId: string | null;
  /** The code was entered and the target accepted: the order can be submitted. */
  confirmed: boolean;
  notices: string[];
}

const principalName = z.string().check(z.trim(), z.minLength(1), z.maxLength(64));
const mobile = z.string().check(z.trim(), z.minLength(1), z.maxLength(20));

export interface MigrationCodeRequest {
  principalName: string;
  mobile: string;
}
export const migrationCodeRequestSchema = z.object({ principalName, mobile });

export interface MigrationConfirmRequest extends MigrationCodeRequest {
  code: string;
  targetAccountId: string;
}
export const migrationConfirmRequestSchema = z.object({
  principalName,
  mobile,
  code: z.string().check(z.regex(/^\d{6}$/)),
  targetAccountId: z.string().check(z.trim(), z.minLength(1), z.maxLength(32)),
});
