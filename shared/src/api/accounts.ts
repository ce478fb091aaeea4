/**
 * The caller's cloud account: its visible account ID, its type and its real-name data (实名认证). Prefix `/api`:
 * `GET accounts/me` → {@link AccountView} (the account and its ID are made on first read);
 * `POST accounts/me/real-name` {@link SubmitRealNameRequest} → {@link AccountView} (verified by the real-name service;
 *   a refusal answers 422 on the field);
 * `POST accounts/me/mobile` {@link BindAccountMobileRequest} → {@link AccountView}: binds (or replaces) the account's
 *   mobile with a code sent by `POST sms/codes` (purpose `account_mobile`); a wrong code answers 422 on `code`.
 * `POST sim/accounts/sub-accounts` → 201 {@link AccountView} — simulators only: a 子账号 under the caller.
 * ID numbers and credit codes are encrypted at rest and masked in every answer. The request schema is in
 * request-schemas.ts: this module stays free of zod for the mini-program pages that read its labels.
 */
export const ACCOUNT_TYPES = { main: '主账号', sub: '子账号' } as const;
export type AccountType = keyof typeof ACCOUNT_TYPES;

/** 个人认证: a person's name and 居民身份证号; 企业认证: the unit's name and 统一社会信用代码. */
export const REAL_NAME_TYPES = { personal: '个人认证', enterprise: '企业认证' } as const;
export type RealNameType = keyof typeof REAL_NAME_TYPES;

/** A visible account ID: twelve digits, as cloud consoles show them. */
export const ACCOUNT_ID_PATTERN = /^\d{12}$/;

export interface RealNameView {
  type: RealNameType;
  typeLabel: string;
  /** A person's name masked but its first character; a unit's name in full. */
  nameMasked: string;
  certificateNumberMasked: string;
  verifiedAt: string;
}

export interface AccountView {
  accountId: string;
  accountType: AccountType;
  accountTypeLabel: string;
  /** Null until the account passed 实名认证. */
  realName: RealNameView | null;
  /** The bound mobile (绑定手机), masked; null until bound by SMS code. */
  mobileMasked: string | null;
}

export interface BindAccountMobileRequest {
  mobile: string;
  code: string;
}

export interface SubmitRealNameRequest {
  type: RealNameType;
  name: string;
  certificateNumber: string;
}
