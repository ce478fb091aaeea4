import type { Page } from 'playwright-core';
import { SMS_VERIFY_TEXTS, type OrderProgress, type UnreadCount } from '@beian/shared';
import { ApiTestKit, PERSON_ID, PERSONAL_WEBSITE, personalDraft } from '@beian/shared/testing';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { eventually } from './support/eventually';
import { fill, phonePage } from './support/browser';
import { answerPublicSecurityDialog, confirmDialog, expectText, logInThroughTheUi } from './support/page-steps';
import { expectReadable } from './support/what-a-person-sees';
import { e2eDatabases } from './support/database';
import { onStage } from './support/stage';

const APPLICANT = '张三';
const REVIEWER = '审核员1';
const MOBILE = '13800138000';
/** MIIT asks for the last six characters of the certificate number, letters included. */
const CERT_LAST_SIX = PERSON_ID.slice(-6);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Test data the applicant typed in Latin letters. */
const TYPED = ['ins-1'];
const REJECTED = {
  'websites.0.name': { id: 'websites-0-name', reason: '网站名称不能体现网站内容', suggestion: '请改为能体现网站内容的名称', fixed: '张三的技术读书笔记' },
  'subject.communicationAddress': {
    id: 'subject-communication-address',
    reason: '通信地址不完整',
    suggestion: '请填写到门牌号',
    fixed: '北京市朝阳区某街道1号2单元101室',
  },
} as const;

describe.each(e2eDatabases())('after submission on %s: review, MIIT SMS verification, 管局 approval and the ICP numbers', (databaseName) => {
  const stage = onStage(databaseName);
  let applicantApi: ApiTestKit;
  let reviewerApi: ApiTestKit;
  let orderId: string;

  beforeAll(async () => {
    applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    reviewerApi = await new ApiTestKit(stage.server.url).devLogin(REVIEWER);
  });

  const { shot } = stage;
  const advanceClock = async (ms: number) => expect((await reviewerApi.call('POST', '/api/dev/clock/advance', { ms })).status).toBe(200);
  const progress = async () => (await applicantApi.call<OrderProgress>('GET', `/api/orders/${orderId}/progress`)).body;
  const statusBecomes = (status: string) => eventually(`order status ${status}`, async () => ((await progress()).status === status ? true : undefined), 30_000);

  async function desktopPage(): Promise<Page> {
    const context = await stage.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
    return context.newPage();
  }

  async function openReviewOrder(page: Page) {
    await page.goto(`${stage.server.url}/#/staff/pages/queue/index`);
    await page.locator(`#queue-${orderId}`).click();
    await page.locator('#review-order').waitFor();
    await expectText(page, '#review-status', '待初审');
  }

  it('should take a personal filing from submission to ICP numbers shown on the progress page when every step passes', async () => {
    // Precondition: a complete personal first filing, filled in earlier (the wizard has its own journey tests).
    orderId = (await applicantApi.createOrder(PERSONAL_WEBSITE)).id;
    await applicantApi.makeSubmittable(orderId, personalDraft(), submittableMedia(await makeFixtures()));

    // Applicant submits on the confirmation page.
    const applicant = await phonePage(stage.browser);
    await logInThroughTheUi(applicant, stage.server, APPLICANT);
    await applicant.goto(`${stage.server.url}/#/filing/pages/start/index?id=${orderId}&step=review_submit`);
    await expectText(applicant, '#precheck', '未发现问题');
    await expectReadable(applicant, TYPED);
    await applicant.locator('#submit').click();
    await answerPublicSecurityDialog(applicant, false);
    await expectText(applicant, '#order-status', '待初审');
    await expectText(applicant, '#estimate', '工作日');
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-01-progress-submitted');

    // Reviewer, in a second browser context: opens one masked value through an audited link, then rejects two fields.
    const reviewer = await desktopPage();
    await logInThroughTheUi(reviewer, stage.server, REVIEWER);
    await reviewer.locator('#staff-entry').click();
    await reviewer.locator(`#queue-${orderId}`).click();
    await expectText(reviewer, '#review-status', '待初审');
    await fill(reviewer, 'access-reason', '初审核对证件信息');
    await reviewer.locator('#reveal-subject-certificate-number').click();
    await expectText(reviewer, '#value-subject-certificate-number', PERSON_ID);
    await reviewer.locator('#call-answered').click();
    await reviewer.locator('#review-calls [id^="call-"]').first().waitFor();
    for (const field of Object.values(REJECTED)) {
      await reviewer.locator(`#reject-${field.id}`).click();
      await fill(reviewer, `reason-${field.id}`, field.reason);
      await fill(reviewer, `suggestion-${field.id}`, field.suggestion);
    }
    await expectReadable(reviewer, TYPED);
    await shot(reviewer, 'after-02-reviewer-rejects-two-fields');
    await reviewer.locator('#reject').click();
    await confirmDialog(reviewer);
    await expectText(reviewer, '#review-status', '初审驳回');

    // Applicant: the progress page refreshes by itself and shows each reason on its field.
    await expectText(applicant, '#order-status', '初审驳回');
    for (const field of Object.values(REJECTED)) await expectText(applicant, `#rejection-${field.id}`, field.reason);
    await applicant.locator('#fix-rejections').waitFor();
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-03-progress-rejected');

    await expectReadable(applicant, TYPED);

    // 45 days to resubmit, counted on the server's clock: three days on, 41–42 days are left whatever the phone's clock says.
    await advanceClock(3 * DAY);
    await expectText(applicant, '#deadline', /剩余 4[12] 天/);
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-03a-progress-deadline-on-server-clock');

    // Applicant taps 去修改: the wizard opens on the first rejected field, everything else locked.
    await applicant.locator('#fix-rejections').click();
    await applicant.locator('#fix-banner').waitFor();
    await applicant.locator('#step-services').waitFor();
    const nameField = REJECTED['websites.0.name'];
    await expectText(applicant, `#${nameField.id}-rejection`, nameField.reason);
    await expectText(applicant, `#${nameField.id}-rejection`, nameField.suggestion);
    await expect(applicant.locator('#websites-0-home-url input').isDisabled()).resolves.toBe(true);
    await expect(applicant.locator(`#${nameField.id} input`).isDisabled()).resolves.toBe(false);
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-03b-wizard-fix-rejected-field');
    await fill(applicant, nameField.id, nameField.fixed);

    const addressField = REJECTED['subject.communicationAddress'];
    await applicant.locator('#step-tab-subject').click();
    await expectText(applicant, `#${addressField.id}-rejection`, addressField.reason);
    await expect(applicant.locator('#subject-certificate-address input').isDisabled()).resolves.toBe(true);
    await fill(applicant, addressField.id, addressField.fixed);
    await expectText(applicant, '#save-state', '已保存');
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-03c-wizard-fixed-second-field');

    // 重新提交 from the wizard: back to 待初审 on the progress page.
    await applicant.locator('#resubmit').click();
    await expectText(applicant, '#order-status', '待初审');
    await expectReadable(applicant, TYPED);

    // Reviewer sees exactly the two changes and approves.
    await openReviewOrder(reviewer);
    await reviewer.locator('#review-diff').waitFor();
    await expect(reviewer.locator('#review-diff [id^="diff-"]').count()).resolves.toBe(2);
    for (const field of Object.values(REJECTED)) await expectText(reviewer, `#diff-${field.id}`, field.fixed);
    await expectReadable(reviewer, TYPED);
    await shot(reviewer, 'after-04-reviewer-diff');
    await reviewer.locator('#call-answered').click();

    // 初审通过 needs the face video confirmed: the reviewer plays it through the audited link, then confirms it.
    await fill(reviewer, 'access-reason', '初审核对人脸视频');
    await expectText(reviewer, '#face-subject-principal-status', '待审核人员确认');
    await reviewer.locator('#face-subject-principal-play').click();
    await reviewer.locator('#face-subject-principal-video').waitFor();
    await reviewer.locator('#face-subject-principal-confirm').click();
    await expectText(reviewer, '#face-subject-principal-status', '已确认通过');
    await expectReadable(reviewer, TYPED);
    await shot(reviewer, 'after-04b-reviewer-confirmed-face-video');
    await reviewer.locator('#approve').click();
    await confirmDialog(reviewer);
    await expectText(reviewer, '#review-status', /待提交管局|待工信部短信核验|管局审核中/);
    const scripted = await reviewerApi.call('POST', `/api/regulator-sim/orders/${orderId}/script`, { outcome: 'approve', afterWorkingDays: 1 });
    expect(scripted.status).toBeLessThan(300);

    // MIIT sends the verification SMS about five minutes after the order reaches it.
    await advanceClock(6 * MINUTE);
    await statusBecomes('sms_verification');
    const sms = await eventually('the verification SMS', async () => {
      const sent = (await applicantApi.call<{ text: string }[]>('GET', `/api/regulator-sim/sms?mobile=${MOBILE}`)).body;
      return sent.at(-1)?.text;
    });
    const code = /(\d{6})/.exec(sms)?.[1];
    expect(code).toBeDefined();
    await expectText(applicant, '#order-status', '待工信部短信核验');
    await expectText(applicant, '#sms-verification', '138****8000');
    await expectText(applicant, '#deadline', '前完成');
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-05-progress-sms-verification');

    // The principal opens the (simulated) MIIT form, reads the text on the simulated phone: one wrong code, then the right one.
    const phone = await phonePage(stage.browser);
    await logInThroughTheUi(phone, stage.server, APPLICANT);
    await phone.goto(`${stage.server.url}/#/sim/pages/sms-verify/index?mobile=${MOBILE}`);
    await expectText(phone, '#sim-notice', '模拟');
    await phone.locator('#sim-show-sms').click();
    await expectText(phone, '#sim-inbox', code!);
    await expectReadable(phone, TYPED);
    await shot(phone, 'after-05b-sim-inbox');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await fill(phone, 'sim-code', wrong);
    await fill(phone, 'sim-cert', CERT_LAST_SIX);
    await phone.locator('#sim-submit').click();
    await expectText(phone, '#sim-tries-left', '还可尝试 4 次');
    await expectText(phone, '#sim-result', SMS_VERIFY_TEXTS.notMatchedOrUnsynced);
    await expectText(phone, '#sim-not-matched', '请确认短信验证码、手机号码、证件号码后六位是否填写准确');
    await expectReadable(phone, TYPED);
    await shot(phone, 'after-06-sim-wrong-code');
    // The progress page tells what MIIT's answer means: check what was typed.
    await expectText(applicant, '#sms-1388000-not-matched', /填写有误，或核验结果还未同步[\s\S]*需修改，请重新填写核验信息/);
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-06b-progress-after-wrong-code');
    await fill(phone, 'sim-code', code!);
    await phone.locator('#sim-submit').click();
    await expectText(phone, '#sim-result', '核验成功');
    await expectReadable(phone, TYPED);
    await shot(phone, 'after-07-sim-verified');

    // Until the result reaches us, MIIT answers the same code with 填写有误或未同步, and the progress page says to wait.
    await expectText(applicant, '#sms-1388000-not-matched', '核验结果同步至本平台还需要约 30~60 分钟');
    await expectText(applicant, '#order-status', '待工信部短信核验');
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-07b-progress-result-not-synced');
    await phone.reload();
    await fill(phone, 'sim-code', code!);
    await fill(phone, 'sim-cert', CERT_LAST_SIX);
    await phone.locator('#sim-submit').click();
    await expectText(phone, '#sim-result', SMS_VERIFY_TEXTS.notMatchedOrUnsynced);
    await expectText(phone, '#sim-not-matched', '30~60 分钟');
    await expectReadable(phone, TYPED);
    await shot(phone, 'after-07c-sim-result-not-synced');

    // The result reaches us 30–60 minutes later; the 管局 decides within its working days.
    await advanceClock(61 * MINUTE);
    await statusBecomes('regulator_review');
    await expectText(applicant, '#order-status', '管局审核中');
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-08-progress-regulator-review');
    await advanceClock(15 * DAY);
    // Sessions expire over simulated weeks: the applicant comes back and logs in again.
    applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    await statusBecomes('approved');
    // Coming back with an expired session: after logging in, the same progress page opens again.
    await applicant.reload();
    await applicant.locator('#dev-login-notice').waitFor();
    await fill(applicant, 'dev-nickname', APPLICANT);
    await applicant.locator('#dev-login').click();
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-08b-back-after-login');

    await expectText(applicant, '#order-status', '备案成功');
    await expectText(applicant, '#icp-numbers', /京ICP备\d{10}号/);
    await expectText(applicant, '#icp-numbers', /京ICP备\d{10}号-1/);
    await expectText(applicant, '#icp-numbers', 'beian.miit.gov.cn');
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-09-progress-approved-numbers');

    // Every progress message landed in the message centre.
    await applicant.goto(`${stage.server.url}/#/pages/index/index`);
    await applicant.locator('#unread-badge').waitFor();
    await applicant.locator('#messages-link').click();
    await applicant.locator('#messages [id^="message-"]').first().waitFor();
    const count = await applicant.locator('#messages [id^="message-"]').count();
    expect(count).toBeGreaterThanOrEqual(4);
    await expectReadable(applicant, TYPED);
    await shot(applicant, 'after-10-message-centre');
    const unreadBefore = (await applicantApi.call<UnreadCount>('GET', '/api/messages/unread-count')).body.count;
    expect(unreadBefore).toBeGreaterThanOrEqual(count);
    await applicant.locator('#messages [id^="message-"]').first().click();
    await applicant.locator('#progress').waitFor();
    // Opening a message marks it read in the background while the progress page opens.
    const unreadAfter = async () => (await applicantApi.call<UnreadCount>('GET', '/api/messages/unread-count')).body.count;
    await eventually('the opened message marked read', async () => ((await unreadAfter()) === unreadBefore - 1 ? true : undefined));

    // 退出登录 from home.
    await applicant.goto(`${stage.server.url}/#/pages/index/index`);
    await applicant.locator('#logout').click();
    await applicant.locator('#go-login').waitFor();
    await expectReadable(applicant);
    await shot(applicant, 'after-11-logged-out');
  });
});
