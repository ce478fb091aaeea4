import type { Browser, Page } from 'playwright-core';
import type { Draft } from '@beian/shared';
import { ApiTestKit, freshPersonId, PERSON_ID } from '@beian/shared/testing';
import { fill, launchChromium, phonePage, screenshot } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { fillArea, fillPersonalStart, inputValue, nextStep, waitSaved, startNewFiling } from './support/filing';
import { startServer, type ServerProcess } from './support/server-process';

async function openOrderFromHome(page: Page, step: string): Promise<void> {
  await page.locator('[id^="order-"]').first().click();
  await page.locator(`#step-${step}`).waitFor();
}

describe('drafts that are never lost', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should show everything entered when the browser closes halfway and the account opens a new one', async () => {
    const first = await phonePage(browser);
    await startNewFiling(first, server, '王五');
    await fillPersonalStart(first, { region: '110105', name: '王五', idNumber: PERSON_ID, domain: 'wangwu-blog.com' });
    await nextStep(first, 'subject');
    await fill(first, 'subject-certificate-address', '北京市朝阳区某街道2号');
    await fill(first, 'subject-communication-address', '北京市朝阳区某街道2号302室');
    await waitSaved(first);
    await first.context().close();

    const second = await phonePage(browser);
    await logInThroughTheUi(second, server, '王五');
    await expectText(second, '#start-filing', '继续填写');
    await openOrderFromHome(second, 'subject_principal');
    await second.locator('#step-tab-subject').click();
    await expect(inputValue(second, 'subject-certificate-address')).resolves.toBe('北京市朝阳区某街道2号');
    await expect(inputValue(second, 'subject-communication-address')).resolves.toBe('北京市朝阳区某街道2号302室');
    await second.locator('#step-tab-verify_type').click();
    await expect(inputValue(second, 'subject-certificate-number')).resolves.toBe(PERSON_ID);
    await expect(inputValue(second, 'websites-0-domains-0')).resolves.toBe('wangwu-blog.com');
    await screenshot(second, 'drafts-01-resumed-on-new-browser');
  });

  it('should show both values of a field saved stale by a second browser and keep the chosen ones', async () => {
    const phone = await phonePage(browser);
    await startNewFiling(phone, server, '赵六');
    await fillPersonalStart(phone, { region: '110105', name: '赵六', idNumber: freshPersonId(), domain: 'zhaoliu-notes.com' });
    await nextStep(phone, 'subject');
    await waitSaved(phone);

    const laptop = await phonePage(browser);
    await logInThroughTheUi(laptop, server, '赵六');
    await openOrderFromHome(laptop, 'subject');

    await fill(phone, 'subject-certificate-address', '手机上填写的住所');
    await fill(phone, 'subject-communication-address', '手机上填写的通信地址');
    await waitSaved(phone);

    await fill(laptop, 'subject-certificate-address', '电脑上填写的住所');
    await fillArea(laptop, 'subject-remark', '电脑上补充的备注');
    await laptop.locator('#conflict').waitFor();
    await expectText(laptop, '#save-state', '冲突');
    await expectText(laptop, '#conflict-field-0', '手机上填写的住所');
    await expectText(laptop, '#conflict-field-0', '电脑上填写的住所');
    await expect(laptop.locator('[id^="conflict-field-"][id$="-mine"]').count()).resolves.toBe(1);
    await screenshot(laptop, 'drafts-02-conflict');

    await laptop.locator('#conflict-field-0-mine').click();
    await laptop.locator('#conflict-apply').click();
    await waitSaved(laptop);

    const owner = await new ApiTestKit(server.url).devLogin('赵六');
    const [order] = await owner.orders();
    const saved = await owner.order(order!.id, true);
    expect((saved.draft as Draft).subject).toMatchObject({
      certificateAddress: '电脑上填写的住所',
      communicationAddress: '手机上填写的通信地址',
      remark: '电脑上补充的备注',
      name: '赵六',
    });
    await expect(inputValue(laptop, 'subject-communication-address')).resolves.toBe('手机上填写的通信地址');
  });

  it('should keep edits made offline and save them by itself when the network comes back', async () => {
    const page = await phonePage(browser);
    await startNewFiling(page, server, '钱七');
    await fillPersonalStart(page, { region: '110105', name: '钱七', idNumber: freshPersonId(), domain: 'qianqi-notes.com' });
    await nextStep(page, 'subject');
    await waitSaved(page);

    await page.context().setOffline(true);
    await fill(page, 'subject-certificate-address', '断网时填写的住所');
    await expectText(page, '#save-state', '网络异常');
    await screenshot(page, 'drafts-03-offline');
    await page.context().setOffline(false);
    await expectText(page, '#save-state', '已保存', 30_000);

    const owner = await new ApiTestKit(server.url).devLogin('钱七');
    const [order] = await owner.orders();
    const saved = await owner.order(order!.id, true);
    expect((saved.draft as Draft).subject?.certificateAddress).toBe('断网时填写的住所');
  });
});
