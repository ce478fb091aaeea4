import type { Page } from 'playwright-core';
import { ApiTestKit, PERSONAL_WEBSITE, personalDraft } from '@beian/shared/testing';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { phonePage } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';
import { expectReadable } from './support/what-a-person-sees';

const APPLICANT = '李四';
const REVIEWER = '审核员2';

describe.each(e2eDatabases())('撤回修改 and 撤销订单 from the progress page on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;
  let applicantApi: ApiTestKit;
  let reviewerApi: ApiTestKit;

  beforeAll(async () => {
    applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    reviewerApi = await new ApiTestKit(stage.server.url).devLogin(REVIEWER);
  });

  async function submittedOrder(): Promise<string> {
    const created = await applicantApi.createOrder(PERSONAL_WEBSITE);
    await applicantApi.makeSubmittable(created.id, personalDraft(), submittableMedia(await makeFixtures()));
    expect((await applicantApi.call('POST', `/api/orders/${created.id}/submit`)).status).toBe(200);
    return created.id;
  }

  async function confirmModal(page: Page, action: string) {
    await page.locator(`#action-${action}`).click();
    await page.locator('.taro-model__confirm').click();
  }

  it('should pull an unclaimed submission back into the wizard, then withdraw it once a reviewer has claimed it', async () => {
    const orderId = await submittedOrder();
    const applicant = await phonePage(stage.browser);
    await logInThroughTheUi(applicant, stage.server, APPLICANT);
    await applicant.goto(`${stage.server.url}/#/pages/progress/index?id=${orderId}`);
    await expectText(applicant, '#order-status', '待初审');
    await applicant.locator('#action-pull_back').waitFor();
    await expectReadable(applicant);
    await shot(applicant, 'pull-back-01-actions');

    await confirmModal(applicant, 'pull_back');
    await applicant.waitForURL(/filing/);
    expect((await applicantApi.order(orderId)).status).toBe('draft');
    await expectReadable(applicant);
    await shot(applicant, 'pull-back-02-back-in-the-wizard');

    expect((await applicantApi.call('POST', `/api/orders/${orderId}/submit`)).status).toBe(200);
    await applicant.goto(`${stage.server.url}/#/pages/progress/index?id=${orderId}`);
    await expectText(applicant, '#order-status', '待初审');
    expect((await reviewerApi.call('POST', `/api/review/orders/${orderId}/claim`)).status).toBe(200);
    // The claim changes the progress ETag: the next poll drops 撤回修改 by itself.
    await applicant.locator('#action-pull_back').waitFor({ state: 'detached' });
    await expectReadable(applicant);
    await shot(applicant, 'pull-back-03-claimed');

    await confirmModal(applicant, 'withdraw');
    await expectText(applicant, '#order-status', '已撤销');
    await expect(applicant.locator('#order-actions').count()).resolves.toBe(0);
    await expectReadable(applicant);
    await shot(applicant, 'pull-back-04-withdrawn');
  });
});
