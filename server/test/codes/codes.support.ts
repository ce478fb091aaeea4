import { randomUUID } from 'node:crypto';
import type { FilingCodeView, GrantCheck, RegisterResourceRequest, ResourceChoice } from '@beian/shared';
import { USCC } from '@beian/shared/testing';
import { chinaNoonIn, cvm } from '../resources/resource.support';
import { freshMobile } from '../support/filing-flow';
import { devLogin, type TestApp } from '../support/test-app';

export type Account = Awaited<ReturnType<typeof codesAccount>>;

/** A logged-in account with its visible ID; `enterprise` passes 企业认证 (the simulated verifier accepts USCC). */
export async function codesAccount(t: TestApp, nickname: string, enterprise = true) {
  const login = await devLogin(t.url, nickname);
  const kit = login.client.kit;
  if (enterprise)
    await kit.ok('企业认证', 'POST', '/api/accounts/me/real-name', { type: 'enterprise', name: `${nickname}科技有限公司`, certificateNumber: USCC });
  const { accountId } = await kit.ok<{ accountId: string }>('account', 'GET', '/api/accounts/me');
  return { ...login, kit, accountId, app: t };
}

/** A CVM of the account in the simulated cloud inventory, eligible unless `over` says otherwise (3 years left: tests move the clock). */
export function registerInstance(account: Account, over: Partial<RegisterResourceRequest> = {}): Promise<ResourceChoice> {
  const body = cvm(account.app, { expiresAt: chinaNoonIn(account.app, 36), ...over });
  return account.kit.ok('simulated instance', 'PUT', `/api/sim/resources/ins-${randomUUID().slice(0, 8)}`, body);
}

/** 退费 of the account's instance in the simulated cloud inventory. */
export function refundInstance(account: Account, instanceId: string): Promise<ResourceChoice> {
  return account.kit.ok('refund', 'POST', `/api/sim/resources/${instanceId}/refund`, {});
}

/**
 * A phone code for a grant, sent to a fresh mobile (no resend wait) and read from the dev outbox; a test sending
 * more than 10 in a day for one account moves the clock a day on itself (SMS_LIMITS.perAccountPerDay).
 */
export async function grantSmsCode(account: Account): Promise<{ mobile: string; smsCode: string }> {
  const mobile = freshMobile();
  await account.kit.ok('grant SMS code', 'POST', '/api/sms/codes', { mobile, purpose: 'code_grant' });
  const [sent] = await account.kit.devSmsOutbox(mobile);
  return { mobile, smsCode: sent?.code ?? '' };
}

/**
 * 验证 then 生成并授权 of `count` 服务码 from `grantor`'s instance (none: 未绑定实例) to `target`, with the phone code when
 * the check asks for one.
 */
export async function grantCodes(grantor: Account, instanceId: string | null, target: Account, count = 1): Promise<FilingCodeView[]> {
  const request = { ...(instanceId ? { instanceId } : {}), count, targetAccountId: target.accountId };
  const check = await grantor.kit.ok<GrantCheck>('grant check', 'POST', '/api/codes/service/grants/verify', request);
  const sms = check.needsSmsCode ? await grantSmsCode(grantor) : {};
  return grantor.kit.ok('grant', 'POST', '/api/codes/service/grants', { ...request, ...sms });
}

export async function stateOf(account: Account, path: string, code: string): Promise<string | undefined> {
  const codes = await account.kit.ok<FilingCodeView[]>('codes', 'GET', path);
  return codes.find((c) => c.code === code)?.stateLabel;
}
