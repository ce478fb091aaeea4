import type { AccountView, MigrationView } from '@beian/shared';
import type { FiledSubject } from '../support/cancellation-flow';
import { devLogin, type TestApp } from '../support/test-app';

export type Account = Awaited<ReturnType<typeof devLogin>> & { accountId: string };

/** A new user and its account ID; `realNameOf` passes 实名认证 as the subject's person. */
export async function newAccount(t: TestApp, realNameOf?: FiledSubject): Promise<Account> {
  const login = await devLogin(t.url, `acct-${Math.random().toString(36).slice(2, 10)}`);
  const me = await login.client.get<AccountView>('/api/accounts/me');
  if (realNameOf) {
    const subject = realNameOf.draft.subject!;
    const verified = await login.client.post('/api/accounts/me/real-name', {
      type: 'personal',
      name: subject.name,
      certificateNumber: subject.certificateNumber,
    });
    if (verified.status !== 200) throw new Error(`real-name failed: ${JSON.stringify(verified.body)}`);
  }
  return { ...login, accountId: me.body.accountId };
}

export async function accountIdOf(client: FiledSubject['applicant']['client']): Promise<string> {
  return (await client.get<AccountView>('/api/accounts/me')).body.accountId;
}

/** The 迁移备案账号 order of the subject, created from 我的备案. */
export async function startMigration(filed: FiledSubject): Promise<string> {
  const created = await filed.applicant.client.post('/api/orders', {
    kind: 'migrate_account',
    subjectType: filed.draft.subject?.nature === 'personal' ? 'personal' : 'unit',
    serviceType: 'website',
    subjectId: filed.subjectId,
  });
  if (created.status !== 201) throw new Error(`create migrate_account failed: ${JSON.stringify(created.body)}`);
  return created.body.id as string;
}

/** What the applicant types on 验证信息: the subject principal and mobile on record. */
export const principalOf = (filed: FiledSubject) => ({ principalName: filed.draft.subjectPrincipal?.name ?? filed.subjectName, mobile: filed.mobile });

/** The code sent to the subject principal's mobile, read from the dev outbox. */
export async function migrationCode(filed: FiledSubject, orderId: string): Promise<string> {
  const sent = await filed.applicant.client.post(`/api/orders/${orderId}/migration/codes`, principalOf(filed));
  if (sent.status !== 201) throw new Error(`code failed: ${JSON.stringify(sent.body)}`);
  const [message] = await filed.applicant.client.kit.devSmsOutbox(filed.mobile);
  return message!.code!;
}

export function confirmMigration(filed: FiledSubject, orderId: string, code: string, targetAccountId: string) {
  return filed.applicant.client.post<MigrationView>(`/api/orders/${orderId}/migration/confirm`, { ...principalOf(filed), code, targetAccountId });
}
