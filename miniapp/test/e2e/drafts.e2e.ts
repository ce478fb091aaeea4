import type { Page } from 'playwright-core';
import { freshPersonId } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { expectValue, fillArea, fillPersonalStart, waitSaved, startNewFiling } from './support/filing';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('drafts that are never lost on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;

  /** The applicant's other phone or computer: logs in with the same account and lands on home. */
  async function anotherDevice(nickname: string): Promise<Page> {
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, nickname);
    return page;
  }

  /** Opens the draft from home: the wizard resumes at the first step with something missing. */
  async function openOrderFromHome(page: Page, step: string): Promise<void> {
    await page.locator('.order-item').first().click();
    await page.locator(`#step-${step}`).waitFor();
  }

  async function openStep(page: Page, step: string): Promise<void> {
    await page.locator(`#step-tab-${step}`).click();
    await page.locator(`#step-${step}`).waitFor();
  }

  /** The first step filled, then 下一步 tapped twice in a row, as an impatient thumb does. */
  async function startDraft(page: Page, nickname: string, domain: string): Promise<string> {
    const idNumber = freshPersonId();
    await startNewFiling(page, stage.server, nickname);
    await fillPersonalStart(page, { region: '110105', name: nickname, idNumber, domain });
    await page.locator('#step-next').dblclick();
    await page.locator('#step-subject').waitFor();
    return idNumber;
  }

  it('should save as the applicant types and show everything after a reload and on another device, with one order for a double tap', async () => {
    const phone = await phonePage(stage.browser);
    const idNumber = await startDraft(phone, '王五', 'wangwu-blog.com');
    await fill(phone, 'subject-certificate-address', '北京市朝阳区某街道2号');
    await fill(phone, 'subject-communication-address', '北京市朝阳区某街道2号302室');
    await waitSaved(phone);
    await expectReadable(phone);
    await shot(phone, 'drafts-01-autosaved');

    await phone.reload();
    await phone.locator('#step-subject').waitFor();
    await expectValue(phone, 'subject-certificate-address', '北京市朝阳区某街道2号');
    await expectValue(phone, 'subject-communication-address', '北京市朝阳区某街道2号302室');
    await expectReadable(phone);
    await shot(phone, 'drafts-02-after-reload');
    await phone.context().close();

    const laptop = await anotherDevice('王五');
    await expectText(laptop, '#start-filing', '继续填写');
    // 下一步 tapped twice created one order.
    await expect(laptop.locator('.order-item').count()).resolves.toBe(1);
    await expectReadable(laptop);
    await shot(laptop, 'drafts-03-home-on-another-device');
    await openOrderFromHome(laptop, 'subject_principal');
    await openStep(laptop, 'subject');
    await expectValue(laptop, 'subject-certificate-address', '北京市朝阳区某街道2号');
    await expectValue(laptop, 'subject-communication-address', '北京市朝阳区某街道2号302室');
    await openStep(laptop, 'verify_type');
    await expectValue(laptop, 'subject-certificate-number', idNumber);
    await expectValue(laptop, 'websites-0-domains-0', 'wangwu-blog.com');
    await expectReadable(laptop);
    await shot(laptop, 'drafts-04-resumed-on-another-device');
  });

  it('should show both values of a field another device saved meanwhile and keep what the applicant chooses, merging the rest', async () => {
    const phone = await phonePage(stage.browser);
    await startDraft(phone, '赵六', 'zhaoliu-notes.com');
    await waitSaved(phone);

    const laptop = await anotherDevice('赵六');
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
    // Only the field both devices changed is asked about.
    await expect(laptop.locator('[id^="conflict-field-"][id$="-mine"]').count()).resolves.toBe(1);
    await expectReadable(laptop);
    await shot(laptop, 'drafts-05-conflict');

    await laptop.locator('#conflict-field-0-mine').click();
    await laptop.locator('#conflict-apply').click();
    await waitSaved(laptop);
    await laptop.locator('#conflict').waitFor({ state: 'detached' });
    await expectValue(laptop, 'subject-certificate-address', '电脑上填写的住所');
    await expectValue(laptop, 'subject-communication-address', '手机上填写的通信地址');
    await expectReadable(laptop);
    await shot(laptop, 'drafts-06-conflict-resolved');

    // The phone, reopened, shows the merged draft: the chosen address, its own 通信地址 and the laptop's 备注.
    await phone.reload();
    await phone.locator('#step-subject').waitFor();
    await expectValue(phone, 'subject-certificate-address', '电脑上填写的住所');
    await expectValue(phone, 'subject-communication-address', '手机上填写的通信地址');
    await expectValue(phone, 'subject-remark', '电脑上补充的备注');
    await expectReadable(phone);
    await shot(phone, 'drafts-07-merged-on-the-phone');
  });

  it('should keep edits made offline and save them by itself when the network comes back', async () => {
    const page = await phonePage(stage.browser);
    await startDraft(page, '钱七', 'qianqi-notes.com');
    await waitSaved(page);

    await page.context().setOffline(true);
    await fill(page, 'subject-certificate-address', '断网时填写的住所');
    await expectText(page, '#save-state', '网络异常');
    await expectReadable(page);
    await shot(page, 'drafts-08-offline');
    await page.context().setOffline(false);
    await expectText(page, '#save-state', '已保存', 30_000);

    const other = await anotherDevice('钱七');
    await openOrderFromHome(other, 'subject');
    await expectValue(other, 'subject-certificate-address', '断网时填写的住所');
    await expectReadable(other);
    await shot(other, 'drafts-09-offline-edit-on-another-device');
  });
});
