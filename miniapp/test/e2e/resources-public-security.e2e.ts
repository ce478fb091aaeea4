import type { Page } from 'playwright-core';
import { addMonths, chinaDate, type RegisterResourceRequest } from '@beian/shared';
import { ApiTestKit, PERSON_ID, PERSONAL_WEBSITE, personalDraft, website, withFreshPerson } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { inputValue, nextStep, waitSaved } from './support/filing';
import { pickDate } from './support/wheel';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { eventually } from './support/eventually';
import { answerPublicSecurityDialog, expectText, logInThroughTheUi } from './support/page-steps';
import { expectReadable } from './support/what-a-person-sees';
import { approveSubmittedOrder } from './support/regulator-approval';
import { onStage } from './support/stage';

const APPLICANT = '孙十';
const SECOND_APPLICANT = '钱十一';
const MOBILE = '13800138000';
const CERT_LAST_SIX = PERSON_ID.slice(-6);
const DAY = 24 * 60 * 60_000;
const PICKER = 'websites-0-resource-instance-id';
/** The account's instance IDs, as the cloud console names them. */
const TYPED = ['ins-gz-01', 'ins-gz-02', 'ins-hk-01'];

describe.each(e2eDatabases())('on %s: the services step’s resource picker and the 公安联网备案数据码', (databaseName) => {
  const stage = onStage(databaseName);
  let applicantApi: ApiTestKit & { login: { user: { id: string } } };
  let adminApi: ApiTestKit;

  beforeAll(async () => {
    applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    adminApi = await new ApiTestKit(stage.server.url).devLogin('管理员1');
  });

  const { shot } = stage;
  /** Weeks of simulated time end the session: the applicant logs in again and opens the order's progress. */
  async function reopenProgress(page: Page, orderId: string, applicant = APPLICANT): Promise<void> {
    await logInThroughTheUi(page, stage.server, applicant);
    await page.goto(`${stage.server.url}/#/pages/progress/index?id=${orderId}`);
  }

  /**
   * Staff hold the applicant's instances in the simulated inventory: one in 中国香港 through the API, one prepaid CVM in
   * 广州 through the simulator page.
   */
  async function registerInstances(): Promise<void> {
    const now = (await adminApi.ok<{ now: string }>('read the clock', 'POST', '/api/dev/clock/advance', { ms: 0 })).now;
    const expiresOn = addMonths(chinaDate(new Date(now)), 6);
    const accountId = applicantApi.login.user.id;
    await adminApi.ok('register a 香港 instance', 'PUT', `/api/admin/accounts/${accountId}/resources/ins-hk-01`, {
      type: 'cvm',
      region: 'ap-hongkong',
      publicIp: '203.0.113.21',
      billingMode: 'prepaid',
      termMonths: 12,
      expiresAt: new Date(`${expiresOn}T12:00:00+08:00`).toISOString(),
    } satisfies RegisterResourceRequest);

    const staff = await phonePage(stage.browser);
    await logInThroughTheUi(staff, stage.server, '管理员1');
    await staff.goto(`${stage.server.url}/#/sim/pages/resources/index?accountId=${accountId}`);
    await fill(staff, 'sim-instance-id', 'ins-gz-01');
    await staff.locator('#sim-region-ap-guangzhou').click();
    await fill(staff, 'sim-public-ip', '203.0.113.20');
    await pickDate(staff, 'sim-expires', expiresOn);
    await staff.locator('#sim-register').click();
    await expectText(staff, '#sim-resource-ins-gz-01', '可用于备案');
    await expectText(staff, '#sim-resource-ins-hk-01', '不可用于备案：非中国大陆地区的资源不能用于备案');
    await expectReadable(staff, TYPED);
    await shot(staff, 'resources-00-sim-inventory');
  }

  /** From the home page: 服务码管理 → 本账号生成的, the one code on the picked server (203.0.113.20) in `state`. */
  async function ownServiceCodeIs(page: Page, state: string, screenshot: string): Promise<void> {
    await logInThroughTheUi(page, stage.server, APPLICANT);
    await page.locator('#open-service-codes').click();
    await page.locator('#tab-own').click();
    await expectText(page, '#service-codes-own .code-item', '服务器 IP：203.0.113.20');
    expect(await page.locator('#service-codes-own .code-item').count()).toBe(1);
    await expectText(page, '#service-codes-own .code-state', state);
    const code = (await page.locator('#service-codes-own .code-value').textContent())!.trim();
    await expectReadable(page, [...TYPED, code]);
    await shot(page, screenshot);
  }

  it('should let the applicant pick only an eligible instance, authorise the 公安 sync at submit, change it on progress and copy the data code after approval', async () => {
    await registerInstances();
    // Precondition: a complete personal filing whose website has no instance chosen yet (the wizard has its own journeys).
    const orderId = (await applicantApi.createOrder(PERSONAL_WEBSITE)).id;
    const draft = personalDraft({ websites: [website({ resource: { type: 'instance' } })] });
    await applicantApi.makeSubmittable(orderId, draft, submittableMedia(await makeFixtures()));

    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, APPLICANT);
    await page.goto(`${stage.server.url}/#/filing/pages/start/index?id=${orderId}&step=services`);
    await page.locator('#service-websites-0-edit').click();
    await expectText(page, `#${PICKER}-choice-ins-hk-01`, '不可用于备案：非中国大陆地区的资源不能用于备案');
    await page.locator(`#${PICKER}-choice-ins-hk-01`).click();
    expect(await inputValue(page, PICKER)).toBe('');
    await page.locator(`#${PICKER}-choice-ins-gz-01`).click();
    await expectText(page, `#${PICKER}-choice-ins-gz-01`, '☑');
    expect(await inputValue(page, PICKER)).toBe('ins-gz-01');
    await expectReadable(page, TYPED);
    await shot(page, 'resources-01-picker');

    await page.locator('#service-done').click();
    await nextStep(page, 'materials');
    await nextStep(page, 'face_check');
    await nextStep(page, 'review_submit');
    await expectText(page, '#review-websites', 'ins-gz-01');
    await expectText(page, '#precheck', '未发现问题');
    await page.locator('#submit').click();
    await expectReadable(page, TYPED);
    await shot(page, 'resources-02-public-security-dialog');
    await answerPublicSecurityDialog(page, true);
    await expectText(page, '#order-status', '待初审');
    await expectText(page, '#public-security-state', '已完成授权，待通信管理局审核通过');

    await page.locator('#public-security-decline').click();
    await expectText(page, '#public-security-state', '您暂未授权');
    await page.locator('#public-security-grant').click();
    await expectText(page, '#public-security-state', '已完成授权');
    await expectReadable(page, TYPED);
    await shot(page, 'resources-03-progress-authorised');
    // Picking an instance of the account made its 服务码 (seed 004 L9): 服务码管理 lists it 备案中 while the order is in review.
    await ownServiceCodeIs(page, '备案中', 'resources-03b-own-service-code-in-review');

    await approveSubmittedOrder(stage.server, APPLICANT, orderId, { mobile: MOBILE, certLastSix: CERT_LAST_SIX });
    await reopenProgress(page, orderId);
    await expectText(page, '#order-status', '备案成功');
    await expectText(page, '#public-security-code-value', /^GA[0-9A-F]{18}$/);
    await expectText(page, '#public-security-code-expiry', '有效期至');
    await page.locator('#public-security-code-copy').click();
    await expectReadable(page, TYPED);
    await shot(page, 'resources-04-data-code');
    await ownServiceCodeIs(page, '已备案', 'resources-04b-own-service-code-filed');

    adminApi = await new ApiTestKit(stage.server.url).devLogin('管理员1');
    await adminApi.ok('31 days later', 'POST', '/api/dev/clock/advance', { ms: 31 * DAY });
    await reopenProgress(page, orderId);
    await expectText(page, '#public-security-code-expiry', '数据码已过有效期');
  });

  it('should put the order back in front of the applicant with the reason when its instance falls under one month left during 初审, and take a new pick', async () => {
    // The journey before moved simulated time by weeks: both sessions are new.
    applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    adminApi = await new ApiTestKit(stage.server.url).devLogin('管理员1');
    const accountId = applicantApi.login.user.id;
    const now = (await adminApi.ok<{ now: string }>('read the clock', 'POST', '/api/dev/clock/advance', { ms: 0 })).now;
    const soon = new Date(new Date(`${addMonths(chinaDate(new Date(now)), 1)}T12:00:00+08:00`).getTime() + 2 * DAY).toISOString();
    await adminApi.ok('register an instance expiring soon', 'PUT', `/api/admin/accounts/${accountId}/resources/ins-gz-02`, {
      type: 'cvm',
      region: 'ap-guangzhou',
      publicIp: '203.0.113.22',
      billingMode: 'prepaid',
      termMonths: 12,
      expiresAt: soon,
    } satisfies RegisterResourceRequest);
    // Precondition: a filing on ins-gz-02 submitted earlier; the reviewer approves 初审 three days later.
    const orderId = (await applicantApi.createOrder(PERSONAL_WEBSITE)).id;
    const draft = withFreshPerson(personalDraft({ websites: [website({ resource: { type: 'instance', instanceId: 'ins-gz-02' } })] }));
    await applicantApi.makeSubmittable(orderId, draft, submittableMedia(await makeFixtures()));
    await applicantApi.submit(orderId);
    await adminApi.confirmFaceChecks(orderId);
    await adminApi.ok('three days later', 'POST', '/api/dev/clock/advance', { ms: 3 * DAY });
    await adminApi.ok('初审 approval', 'POST', `/api/review/orders/${orderId}/approve`);

    const page = await phonePage(stage.browser);
    await reopenProgress(page, orderId);
    await expectText(page, '#order-status', '资源失效退回');
    await expectText(page, '#rejection-websites-0-resource', '剩余有效期不足 1 个月');
    await expectReadable(page, TYPED);
    await shot(page, 'resources-05-returned-resource-lapsed');
    await page.locator('#fix-rejections').click();
    // The first website's resource is asked on the first step, with its domain.
    await page.locator('#step-verify_type').waitFor();
    await expectText(page, `#${PICKER}-choice-ins-gz-02`, '剩余有效期不足 1 个月');
    await page.locator(`#${PICKER}-choice-ins-gz-01`).click();
    expect(await inputValue(page, PICKER)).toBe('ins-gz-01');
    await expectReadable(page, TYPED);
    await shot(page, 'resources-06-new-pick-after-lapse');
    await waitSaved(page);
    await page.locator('#resubmit').click();
    await expectText(page, '#order-status', '待初审');
  });
  it('should withdraw the order from the MIIT SMS check when its instance is refunded, show the applicant why, and take a new pick', async () => {
    // Another applicant: the one before still has an order in 初审 (one open order per account).
    applicantApi = await new ApiTestKit(stage.server.url).devLogin(SECOND_APPLICANT);
    adminApi = await new ApiTestKit(stage.server.url).devLogin('管理员1');
    const accountId = applicantApi.login.user.id;
    const now = (await adminApi.ok<{ now: string }>('read the clock', 'POST', '/api/dev/clock/advance', { ms: 0 })).now;
    for (const [instanceId, publicIp] of [
      ['ins-gz-03', '203.0.113.23'],
      ['ins-gz-04', '203.0.113.24'],
    ] as const) {
      await adminApi.ok('register an instance', 'PUT', `/api/admin/accounts/${accountId}/resources/${instanceId}`, {
        type: 'cvm',
        region: 'ap-guangzhou',
        publicIp,
        billingMode: 'prepaid',
        termMonths: 12,
        expiresAt: new Date(`${addMonths(chinaDate(new Date(now)), 6)}T12:00:00+08:00`).toISOString(),
      } satisfies RegisterResourceRequest);
    }
    // Precondition: a filing on ins-gz-03 submitted, through 初审 and handed to MIIT, which texts the principal.
    const orderId = (await applicantApi.createOrder(PERSONAL_WEBSITE)).id;
    const draft = withFreshPerson(personalDraft({ websites: [website({ resource: { type: 'instance', instanceId: 'ins-gz-03' } })] }));
    await applicantApi.makeSubmittable(orderId, draft, submittableMedia(await makeFixtures()));
    await applicantApi.submit(orderId);
    await adminApi.confirmFaceChecks(orderId);
    await adminApi.ok('初审 approval', 'POST', `/api/review/orders/${orderId}/approve`);
    await eventually(
      'the order at the MIIT SMS check',
      async () => ((await applicantApi.progress(orderId)).status === 'sms_verification' ? true : undefined),
      30_000,
    );
    // The account's owner has ins-gz-03 refunded (退费) at the provider.
    await adminApi.ok('退费', 'POST', `/api/admin/accounts/${accountId}/resources/ins-gz-03/refund`);

    const page = await phonePage(stage.browser);
    await reopenProgress(page, orderId, SECOND_APPLICANT);
    await expectText(page, '#order-status', '资源失效退回');
    await expectText(page, '#rejection-websites-0-resource', '该资源已退费');
    await expectText(page, '#timeline', '订单已从工信部短信核验中撤回');
    await expectReadable(page, ['ins-gz-03']);
    await shot(page, 'resources-07-withdrawn-from-sms-refunded');
    await page.locator('#fix-rejections').click();
    await page.locator('#step-verify_type').waitFor();
    await expectText(page, `#${PICKER}-choice-ins-gz-03`, '不可用于备案：该资源已退费');
    await expectText(page, '#fix-banner', '云资源不再满足备案条件');
    await page.locator(`#${PICKER}-choice-ins-gz-03`).click();
    expect(await inputValue(page, PICKER)).toBe('ins-gz-03');
    await page.locator(`#${PICKER}-choice-ins-gz-04`).click();
    expect(await inputValue(page, PICKER)).toBe('ins-gz-04');
    await shot(page, 'resources-08-new-pick-after-refund');
    await waitSaved(page);
    await page.locator('#resubmit').click();
    await expectText(page, '#order-status', '待初审');
    await expectReadable(page, ['ins-gz-03']);
  });
});
