import type { Browser, Page } from 'playwright-core';
import { freshPersonId } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { expectValue, fillPersonalStart, nextStep, startNewFiling, waitSaved } from './support/filing';
import { expectText } from './support/page-steps';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';
import { expectReadable } from './support/what-a-person-sees';

const APPLICANT = '扫码继续的申请人';

async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  return context.newPage();
}

/** The phone opens the scanned code's link and logs in with the given account, as its WeChat would. */
async function openOnPhone(browser: Browser, link: string, nickname: string): Promise<Page> {
  const phone = await phonePage(browser);
  await phone.goto(link);
  await phone.locator('#dev-login-notice').waitFor();
  await fill(phone, 'dev-nickname', nickname);
  await phone.locator('#dev-login').click();
  return phone;
}

describe.each(e2eDatabases())('扫码继续: the order started on a computer continues on the phone at the same step on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;

  it('should open the same order at the same step on the phone of the same account, and nothing for another account', async () => {
    const desktop = await desktopPage(stage.browser);
    await startNewFiling(desktop, stage.server, APPLICANT);
    await fillPersonalStart(desktop, { region: '110105', name: '赵六', idNumber: freshPersonId(), domain: 'zhaoliu-notes.com' });
    await nextStep(desktop, 'subject');
    await fill(desktop, 'subject-certificate-address', '北京市朝阳区扫码路1号');
    await waitSaved(desktop);
    const orderId = /[?&]id=([^&]+)/.exec(desktop.url())?.[1];
    expect(orderId).toBeTruthy();

    await desktop.locator('#continue-on-phone').waitFor();
    await expect(desktop.locator('#continue-qr img').getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    const link = (await desktop.locator('#continue-link').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/filing\/pages\/start\/index\?scene=[0-9A-Za-z_-]{1,32}$/);
    await expectReadable(desktop);
    await desktop.locator('#continue-on-phone').scrollIntoViewIfNeeded();
    await expectReadable(desktop);
    await shot(desktop, 'continue-01-desktop-code');

    const phone = await openOnPhone(stage.browser, link, APPLICANT);
    await phone.locator('#step-subject').waitFor();
    expect(phone.url()).toContain(`id=${orderId}`);
    await expectValue(phone, 'subject-certificate-address', '北京市朝阳区扫码路1号');
    await expect(phone.locator('#continue-on-phone').count()).resolves.toBe(0);
    await expectReadable(phone);
    await shot(phone, 'continue-02-phone-same-step');

    const stranger = await openOnPhone(stage.browser, link, '另一个账号');
    await expectText(stranger, '#continue-error', '该二维码不属于当前登录的账号');
    await expectReadable(stranger);
    await shot(stranger, 'continue-03-other-account');
  });
});
