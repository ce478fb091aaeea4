import type { Page } from 'playwright-core';
import type { FilingSubjectSummary } from '@beian/shared';
import { ApiTestKit, freshPersonId, PERSON_ID, PERSONAL_WEBSITE, personalDraft, website } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { acceptReview, fillPrincipal, nextStep, recordVideo, uploadAndWait, uploadOwnIdPhotos, verifyOwnMobile, waitSaved } from './support/filing';
import { eventually } from './support/eventually';
import { makeFixtures, submittableMedia, type Fixtures } from './support/fixtures';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { approveSubmittedOrder } from './support/regulator-approval';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

const APPLICANT = '张三';
const REVIEWER = '审核员1';
/** Test data the applicant typed in Latin letters. */
const TYPED = ['ins-1'];
const SUBJECT_MOBILE = '13800138000';
const NEWCOMER = { name: '李四', idNumber: freshPersonId(), mobile: '13900139000', email: 'lisi@example.com' };

describe.each(e2eDatabases())('变更备案 on %s: a new website principal, from 我的备案 to a new version', (databaseName) => {
  const stage = onStage(databaseName);
  let files: Fixtures;

  beforeAll(async () => {
    files = await makeFixtures();
  });

  const { shot } = stage;
  const smsTo = async (api: ApiTestKit, mobile: string) => (await api.call<{ text: string }[]>('GET', `/api/regulator-sim/sms?mobile=${mobile}`)).body;

  /** Proves a mobile that got codes before (the first filing's): the newest code of the dev outbox (newest first), once it arrived. */
  async function verifyMobileAgain(page: Page, applicant: ApiTestKit, prefix: string, mobile: string) {
    const earlier = (await applicant.devSmsOutbox(mobile)).length;
    await page.locator(`#${prefix}-sms-code-send`).click();
    const code = await eventually(`a new SMS code for ${mobile}`, async () => {
      const sent = await applicant.devSmsOutbox(mobile);
      return sent.length > earlier ? (sent[0]?.code ?? undefined) : undefined;
    });
    await fill(page, `${prefix}-sms-code`, code);
    await page.locator(`#${prefix}-sms-code-verify`).click();
    await expectText(page, `#${prefix}-sms-code-state`, '已验证');
  }

  it('should show 初审 the changed principal, text only that principal and keep the numbers when the 管局 approves', async () => {
    // Before: the applicant's first filing, approved through the other actors (API).
    let applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    const firstId = (await applicantApi.createOrder(PERSONAL_WEBSITE)).id;
    await applicantApi.makeSubmittable(
      firstId,
      personalDraft({ websites: [website({ name: '张三的读书笔记', domains: ['zhangsan-notes.cn'] })] }),
      submittableMedia(files),
    );
    await applicantApi.ok('submit', 'POST', `/api/orders/${firstId}/submit`);
    applicantApi = await approveSubmittedOrder(stage.server, APPLICANT, firstId, { mobile: SUBJECT_MOBILE, certLastSix: PERSON_ID.slice(-6) });
    const [subject] = await applicantApi.ok<FilingSubjectSummary[]>('我的备案', 'GET', '/api/filings/subjects');
    const number = subject!.subjectIcpNumber;
    const textedBefore = await smsTo(applicantApi, SUBJECT_MOBILE);

    // The applicant: 我的备案 → subject → 查看/变更 → 注意事项 → 选择需要变更的服务 → the wizard copied from the record.
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, APPLICANT);
    await page.locator('#open-records').click();
    await page.locator(`#subject-${subject!.id}`).click();
    await page.locator('#change-subject').click();
    await expectText(page, '#change-notice', '企业备案无法变更为个人备案');
    await expectText(page, '#change-notice', '不支持变更备案省份。');
    await expectReadable(page, TYPED);
    await shot(page, 'changes-01-notice');
    await page.locator('#change-next').click();
    await page.locator('#choose-1').click();
    await expectReadable(page, TYPED);
    await shot(page, 'changes-02-choose-services');
    await page.locator('#change-start').click();
    // The wizard opens where the copy is incomplete (the photos); the subject step shows what the record locks.
    await page.locator('#step-materials').waitFor();
    await page.waitForFunction(() => document.title === 'ICP变更备案');
    await page.locator('#step-tab-subject').click();
    await page.locator('#step-subject').waitFor();
    await expect(page.locator('#subject-subject-icp-number input, input#subject-subject-icp-number').first().inputValue()).resolves.toBe(number);
    await expectText(page, '#subject-province-fixed', '北京市');
    await expectText(page, '#subject-province-fixed-hint', '不支持变更备案省份。');
    // City and district stay choosable within the province, with the guide's rule for a missing area.
    await expectText(page, '#subject-region-code', '北京市');
    await expectText(page, '#subject-region-code-hint', '如没有您可选择的区域，请就近选择地区并在备注中说明情况。');
    await expectReadable(page, TYPED);
    await shot(page, 'changes-03-subject-locked');
    await nextStep(page, 'subject_principal');
    await uploadAndWait(page, 'subject-principal-certificate_front', files.photo);
    await uploadAndWait(page, 'subject-principal-certificate_back', files.photo);
    await verifyMobileAgain(page, applicantApi, 'subject-principal', SUBJECT_MOBILE);
    await nextStep(page, 'services');

    const edit = page.locator('#service-websites-0-edit');
    if (await edit.isVisible()) await edit.click();
    await expect(page.locator('#websites-0-icp-number input, input#websites-0-icp-number').first().inputValue()).resolves.toBe(`${number}-1`);
    // Another person: the applicant types who they are; their photos and SMS code come through the invitation.
    await fillPrincipal(page, applicantApi, files.photo, { prefix: 'websites-0-principal', ...NEWCOMER, invited: true });
    await expectReadable(page, TYPED);
    await shot(page, 'changes-04-new-website-principal');
    await page.locator('#service-done').click();
    await nextStep(page, 'materials');
    await uploadAndWait(page, 'websites-0-domain_real_name', files.photo);
    await nextStep(page, 'face_check');

    // Only the new person checks their face, on their own phone through the invitation.
    await page.locator('#face-principal-1').waitFor();
    const titles = await page.locator('[id^="face-principal-"] .service-title').allTextContents();
    const newcomer = titles.findIndex((title) => title.includes('网站1负责人'));
    await expectText(page, `#face-principal-${1 - newcomer}-status`, '已备案的负责人，本次变更无需重新核验');
    await expectReadable(page, TYPED);
    await shot(page, 'changes-05a-face-only-new-person');
    await page.locator(`#face-principal-${newcomer}-invite`).click();
    const link = (await page.locator(`#face-principal-${newcomer}-link`).textContent())?.trim() ?? '';
    const invitee = await phonePage(stage.browser);
    await invitee.goto(link);
    await invitee.locator('#dev-login-notice').waitFor();
    await fill(invitee, 'dev-nickname', NEWCOMER.name);
    await invitee.locator('#dev-login').click();
    await invitee.locator('#invite-accept').click();
    await invitee.locator('#biometric-consent-tick').click();
    await invitee.locator('#biometric-consent-submit').click();
    await uploadOwnIdPhotos(invitee, files.photo);
    await verifyOwnMobile(invitee, applicantApi, NEWCOMER.mobile);
    await recordVideo(invitee, files.video);
    await nextStep(page, 'review_submit');
    await acceptReview(page);
    await waitSaved(page);
    await page.locator('#submit').click();
    await page.locator('#progress').waitFor();
    await expectText(page, '#order-status', '待初审');
    const changeId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;

    // The reviewer sees the record → order diff: the website principal only.
    const reviewer = await (await stage.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
    await logInThroughTheUi(reviewer, stage.server, REVIEWER);
    await reviewer.goto(`${stage.server.url}/#/staff/pages/queue/index`);
    await reviewer.locator(`#queue-${changeId}`).click();
    await expectText(reviewer, '#record-diff', '李四');
    await expectText(reviewer, '#record-diff-websites-0-principal-name', /张三[\s\S]*→[\s\S]*李四/);
    expect(await reviewer.locator('#record-diff [id^="record-diff-subject"]').count()).toBe(0);
    await expectReadable(reviewer, TYPED);
    await shot(reviewer, 'changes-05-reviewer-diff');

    // 初审, MIIT SMS and the 管局 (other actors): the SMS goes to the new principal only.
    applicantApi = await approveSubmittedOrder(stage.server, APPLICANT, changeId, { mobile: NEWCOMER.mobile, certLastSix: NEWCOMER.idNumber.slice(-6) });
    expect(await smsTo(applicantApi, SUBJECT_MOBILE)).toEqual(textedBefore);
    expect(await smsTo(applicantApi, NEWCOMER.mobile)).toHaveLength(1);

    // 我的备案 shows the new principal under the same numbers (logged in again: the weeks of simulated time ended the session).
    await logInThroughTheUi(page, stage.server, APPLICANT);
    await page.locator('#open-records').click();
    await page.locator(`#subject-${subject!.id}`).click();
    await expectText(page, '#subject-number', number);
    await page.locator('#service-1').click();
    await expectText(page, '#service-number', `${number}-1`);
    await expectText(page, '#service-principal', /李/);
    await expectReadable(page, TYPED);
    await shot(page, 'changes-06-record-new-version');
  });
});
