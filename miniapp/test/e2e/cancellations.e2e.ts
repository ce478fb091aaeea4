import type { Page } from 'playwright-core';
import { CANCELLATION_NOTICES, SHELL_CANCELLATION_TEXT, type Draft, type FilingSubjectDetail, type FilingSubjectSummary } from '@beian/shared';
import { ApiTestKit, PERSON_ID, PERSONAL_WEBSITE, asNewPerson, personalDraft, website } from '@beian/shared/testing';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { fill, phonePage } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { e2eDatabases } from './support/database';
import { cancellationCode } from './support/filing';
import { approveSubmittedOrder, regulatorApprovesCancellation } from './support/regulator-approval';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('注销 and 取消接入 on %s, through the screen', (databaseName) => {
  const stage = onStage(databaseName);

  const { shot } = stage;

  /** Another actor's part, through the API: a first filing and one 新增服务, both approved; the subject with its services. */
  async function subjectWithTwoWebsites(applicant: string, draft: Draft, domains: [string, string]) {
    const media = submittableMedia(await makeFixtures());
    const sms = { mobile: draft.subjectPrincipal!.mobile!, certLastSix: draft.subject!.certificateNumber!.slice(-6) };
    let api: ApiTestKit = await new ApiTestKit(stage.server.url).devLogin(applicant);
    const first = (await api.createOrder(PERSONAL_WEBSITE)).id;
    await api.makeSubmittable(
      first,
      { ...draft, websites: [website({ name: '第一个网站', domains: [domains[0]], principal: draft.websites![0]!.principal })] },
      media,
    );
    await api.ok('submit', 'POST', `/api/orders/${first}/submit`);
    api = await approveSubmittedOrder(stage.server, applicant, first, sms);
    const [subject] = await api.ok<FilingSubjectSummary[]>('我的备案', 'GET', '/api/filings/subjects');
    const added = (await api.createOrder({ ...PERSONAL_WEBSITE, kind: 'add_service_local', subjectId: subject!.id })).id;
    const { subject: _, ...rest } = draft;
    await api.makeSubmittable(
      added,
      { ...rest, websites: [website({ name: '第二个网站', domains: [domains[1]], principal: draft.websites![0]!.principal })] },
      media,
    );
    await api.ok('submit', 'POST', `/api/orders/${added}/submit`);
    await approveSubmittedOrder(stage.server, applicant, added, sms);
    return { subject: subject!, sms };
  }

  /** Back on the phone after the 管局's weeks (the session has expired): logged in again, 我的备案 → the subject. */
  async function reopenSubject(page: Page, applicant: string, subjectId: string) {
    await logInThroughTheUi(page, stage.server, applicant);
    await page.locator('#open-records').click();
    await page.locator(`#subject-${subjectId}`).click();
  }

  /** 注意事项 read, the declaration typed, the code by phone entered, 提交. */
  async function confirmOnScreen(page: Page, mobile: string, name: string) {
    await page.locator('#notice-next').click();
    const declaration = (await page.locator('#declaration-text').textContent())!.trim();
    await fill(page, 'declaration', declaration);
    await page.locator('#send-code').click();
    await expectText(page, '#code-sent', '验证码已发送至');
    await fill(page, 'code', await cancellationCode(stage.server, mobile));
    await expectText(page, '#last-warning', CANCELLATION_NOTICES.accessNotWithdrawable);
    await expectReadable(page);
    await shot(page, `${name}-verify`);
    await page.locator('#submit-cancellation').click();
    await expectText(page, '#cancel-done', '等待管局审核');
  }

  it('should cancel one of two websites, then the last one with the 空壳 warning, leaving a 空壳主体 with the offline guidance', async () => {
    const applicant = '注销者';
    const { subject, sms } = await subjectWithTwoWebsites(applicant, personalDraft(), ['cancel-one.cn', 'cancel-two.cn']);
    expect(sms.certLastSix).toBe(PERSON_ID.slice(-6));

    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, applicant);
    await page.locator('#open-records').click();
    await page.locator(`#subject-${subject.id}`).click();
    await page.locator('#service-1').click();
    await page.locator('#service-more').click();
    await expectText(page, '#cancel-actions', '取消接入服务');
    await expectReadable(page);
    await shot(page, 'cancels-01-service-more');
    await page.locator('#action-cancel_service').click();
    await expectText(page, '#cancel-notices', CANCELLATION_NOTICES.notWithdrawable);
    expect(await page.locator('#switch-cancel-subject').count()).toBe(0);
    await expectReadable(page);
    await shot(page, 'cancels-02-notices');
    await confirmOnScreen(page, sms.mobile, 'cancels-03');
    await regulatorApprovesCancellation(stage.server, applicant, sms, true);

    await reopenSubject(page, applicant, subject.id);
    await expectText(page, '#service-1', '已注销');
    await page.locator('#service-2').click();
    await page.locator('#service-more').click();
    await page.locator('#action-cancel_service').click();
    await expectText(page, '#cancel-notices', CANCELLATION_NOTICES.shellWarning);
    await page.locator('#switch-cancel-subject').waitFor();
    await expectReadable(page);
    await shot(page, 'cancels-04-shell-warning');
    await confirmOnScreen(page, sms.mobile, 'cancels-05');
    await regulatorApprovesCancellation(stage.server, applicant, sms, true);

    await reopenSubject(page, applicant, subject.id);
    await expectText(page, '#subject-state', '空壳主体');
    await page.locator('#subject-cancel').click();
    await expectText(page, '#reason-cancel_subject', '该主体为空壳主体，无法在线注销主体');
    await expectText(page, '#shell-guidance', '0531-82092828');
    await expectText(page, '#shell-refile', SHELL_CANCELLATION_TEXT.refile);
    await expectReadable(page);
    await shot(page, 'cancels-06-shell-guidance');
  });

  it('should cancel our access for every website at once and take the subject off this platform', async () => {
    const applicant = '取消接入者';
    const base = asNewPerson(personalDraft());
    const mobile = '13900139000';
    const draft = {
      ...base,
      subjectPrincipal: { ...base.subjectPrincipal!, mobile },
      websites: base.websites!.map((w) => ({ ...w, principal: { ...w.principal!, mobile } })),
    };
    const { subject, sms } = await subjectWithTwoWebsites(applicant, draft, ['access-one.cn', 'access-two.cn']);
    const api = await new ApiTestKit(stage.server.url).devLogin(applicant);
    const services = (await api.ok<FilingSubjectDetail>('subject', 'GET', `/api/filings/subjects/${subject.id}`)).services;

    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, applicant);
    await page.locator('#open-records').click();
    await expectText(page, '#records-list', subject.subjectIcpNumber);
    await page.locator(`#subject-${subject.id}`).click();
    await page.locator('#batch-cancel-access').click();
    for (const service of services) await page.locator(`#pick-${service.id}`).click();
    await expectReadable(page);
    await shot(page, 'cancels-07-batch-select');
    await page.locator('#select-next').click();
    await expectText(page, '#cancel-notices', CANCELLATION_NOTICES.allAccessCancelled);
    await expectText(page, '#cancel-notices', CANCELLATION_NOTICES.noProvider);
    await expectReadable(page);
    await shot(page, 'cancels-08-batch-notices');
    await page.locator('#notice-next').click();
    expect(await page.locator('#declaration').count()).toBe(0);
    await page.locator('#send-code').click();
    await fill(page, 'code', await cancellationCode(stage.server, sms.mobile));
    await page.locator('#submit-cancellation').click();
    await expectText(page, '#cancel-done', '等待管局审核');
    await regulatorApprovesCancellation(stage.server, applicant, sms, false);

    await logInThroughTheUi(page, stage.server, applicant);
    await page.locator('#open-records').click();
    await expectText(page, '#records-empty', '暂无已通过审核的备案');
    expect(await page.locator(`#subject-${subject.id}`).count()).toBe(0);
    await expectReadable(page);
    await shot(page, 'cancels-09-left-platform');
  });
});
