import { MIGRATION_NOTICES, MIGRATION_REFUSALS, type AccountView, type FilingSubjectSummary } from '@beian/shared';
import { ApiTestKit, PERSONAL_WEBSITE, asNewPerson, freshPersonId, personalDraft } from '@beian/shared/testing';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { fill, phonePage } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { e2eDatabases } from './support/database';
import { eventually } from './support/eventually';
import { approveSubmittedOrder } from './support/regulator-approval';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('迁移备案账号 on %s, through the screen', (databaseName) => {
  const stage = onStage(databaseName);

  const { shot } = stage;

  /** The past, through the API: the applicant's personal website filed and approved; the subject in 我的备案. */
  async function approvedSubject(applicant: string) {
    const draft = asNewPerson(personalDraft());
    const sms = { mobile: draft.subjectPrincipal!.mobile!, certLastSix: draft.subject!.certificateNumber!.slice(-6) };
    const api = await new ApiTestKit(stage.server.url).devLogin(applicant);
    const orderId = (await api.createOrder(PERSONAL_WEBSITE)).id;
    await api.makeSubmittable(orderId, draft, submittableMedia(await makeFixtures()));
    await api.ok('submit', 'POST', `/api/orders/${orderId}/submit`);
    const [subject] = await (
      await approveSubmittedOrder(stage.server, applicant, orderId, sms)
    ).ok<FilingSubjectSummary[]>('我的备案', 'GET', '/api/filings/subjects');
    return { subject: subject!, draft, mobile: sms.mobile };
  }

  /** Another person's main account, verified as someone else: the wrong target. */
  async function strangerAccountId(): Promise<string> {
    const stranger = await new ApiTestKit(stage.server.url).devLogin('另一个人');
    await stranger.ok('实名认证', 'POST', '/api/accounts/me/real-name', { type: 'personal', name: '李四', certificateNumber: freshPersonId() });
    return (await stranger.ok<AccountView>('我的账号', 'GET', '/api/accounts/me')).accountId;
  }

  /** The code the applicant reads on the subject principal's phone (the dev SMS outbox). */
  async function codeOnPhone(mobile: string): Promise<string> {
    const outbox = await new ApiTestKit(stage.server.url).devLogin('审核员1');
    return eventually('the code SMS', async () => {
      const [latest] = await outbox.devSmsOutbox(mobile);
      return latest?.content.includes('备案验证码') ? (latest.code ?? undefined) : undefined;
    });
  }

  it('should move a subject to the account whose ID the applicant types, refusing first an account of another person on its field', async () => {
    const { subject, draft, mobile } = await approvedSubject('迁出者');
    const strangerId = await strangerAccountId();

    // The target account's owner, on their own phone: 我的账号 shows the ID to hand over, and 实名认证 as the subject's person.
    const target = await phonePage(stage.browser);
    await logInThroughTheUi(target, stage.server, '迁入者');
    await target.locator('#open-account').click();
    await expectText(target, '#account-type', '主账号');
    const targetId = (await target.locator('#account-id').textContent())!.trim();
    expect(targetId).toMatch(/^\d{12}$/);
    await fill(target, 'real-name-name', draft.subject!.name!);
    await fill(target, 'real-name-certificate', draft.subject!.certificateNumber!);
    await target.locator('#submit-real-name').click();
    await expectText(target, '#real-name-state', '已认证（个人认证）');
    await target.locator('#copy-account-id').click();
    await expectText(target, '#copy-account-id', '已复制');
    await expectReadable(target);
    await shot(target, 'migration-01-target-account');

    // The subject's owner: 我的备案 → the subject → 迁移备案账号.
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, '迁出者');
    await page.locator('#open-records').click();
    await page.locator(`#subject-${subject.id}`).click();
    await page.locator('#subject-migrate').click();
    await expectText(page, '#migration-notices', MIGRATION_NOTICES[1]);
    await expectText(page, '#migration-notices', MIGRATION_NOTICES[2]);
    await expectReadable(page);
    await shot(page, 'migration-02-notices');
    await page.locator('#migration-notice-next').click();
    await fill(page, 'principal-name', draft.subject!.name!);
    await fill(page, 'principal-mobile', mobile);
    await page.locator('#send-code').click();
    await expectText(page, '#code-sent', `${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    await fill(page, 'code', await codeOnPhone(mobile));
    await fill(page, 'target-account-id', strangerId);
    await page.locator('#confirm-migration').click();
    await expectText(page, '#error-targetAccountId', MIGRATION_REFUSALS.MIGRATION_REAL_NAME_MISMATCH);
    await expectReadable(page);
    await shot(page, 'migration-03-refused-target');
    await fill(page, 'target-account-id', targetId);
    await page.locator('#confirm-migration').click();
    await expectText(page, '#migration-done', `迁移完成：该备案主体已迁移至账号 ${targetId}`);
    await expectReadable(page);
    await shot(page, 'migration-04-done');
    await page.locator('#back-to-records').click();
    await expectText(page, '#records-empty', '暂无已通过审核的备案');
    expect(await page.locator(`#subject-${subject.id}`).count()).toBe(0);

    // The target account sees the subject in its 我的备案 and can open it.
    await target.goto(`${stage.server.url}/#/pages/index/index`);
    await target.locator('#open-records').click();
    await target.locator(`#subject-${subject.id}`).click();
    await expectText(target, '#subject-number', subject.subjectIcpNumber);
    await expectReadable(target);
    await shot(target, 'migration-05-target-records');
  });
});
