import { ApiTestKit, PERSONAL_WEBSITE, personalDraft } from '@beian/shared/testing';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';
import { expectReadable } from './support/what-a-person-sees';

const APPLICANT = '王五';
const COLLEAGUE = '审核员3';
const ANALYST = '审核员4';

describe.each(e2eDatabases())('预检漏检分析: the staff page of 初审 rejections the pre-check did not flag on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;

  it('should list a rejection the pre-check let through by field and reason, and draft a rule from it', async () => {
    // Before: an order submitted (applicant, API) and rejected at 初审 on its website name by a colleague (API).
    const applicant = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    const colleague = await new ApiTestKit(stage.server.url).devLogin(COLLEAGUE);
    const order = await applicant.createOrder(PERSONAL_WEBSITE);
    await applicant.makeSubmittable(order.id, personalDraft(), submittableMedia(await makeFixtures()));
    await applicant.ok('submit', 'POST', `/api/orders/${order.id}/submit`);
    await colleague.ok('reject', 'POST', `/api/review/orders/${order.id}/reject`, {
      reasons: [{ kind: 'field', path: 'websites.0.name', reason: '网站名称与网站实际内容不符', suggestion: '请使用能体现网站内容的名称' }],
    });

    const page = await (await stage.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' })).newPage();
    await logInThroughTheUi(page, stage.server, ANALYST);
    await page.goto(`${stage.server.url}/#/staff/pages/queue/index`);
    await page.locator('#open-misses').click();
    await expectText(page, '#miss-0-field', '网站名称');
    await expectText(page, '#miss-0-reason', '网站名称与网站实际内容不符');
    await expectText(page, '#miss-0-count', '1 次');
    await page.locator('#miss-0-draft-rule').click();
    await expectText(page, '#miss-0-rule', "path: 'websites.0.name'");
    await expectText(page, '#miss-0-rule', '仅 北京市 出现');
    await expectReadable(page);
    await shot(page, 'precheck-misses-01-drafted-rule');
  });
});
