import type { Browser, Page } from 'playwright-core';
import { freshPersonId } from '@beian/shared/testing';
import { fill, launchChromium, phonePage, screenshot } from './support/browser';
import { fillPersonalStart, inputValue, nextStep, startNewFiling, waitSaved } from './support/filing';
import { expectText } from './support/page-steps';
import { startServer, type ServerProcess } from './support/server-process';
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

describe('扫码继续: the order started on a computer continues on the phone at the same step', () => {
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('should open the same order at the same step on the phone of the same account, and nothing for another account', async () => {
    const desktop = await desktopPage(browser);
    await startNewFiling(desktop, server, APPLICANT);
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
    await screenshot(desktop, 'continue-01-desktop-code');

    const phone = await openOnPhone(browser, link, APPLICANT);
    await phone.locator('#step-subject').waitFor();
    expect(phone.url()).toContain(`id=${orderId}`);
    await expect(inputValue(phone, 'subject-certificate-address')).resolves.toBe('北京市朝阳区扫码路1号');
    await expect(phone.locator('#continue-on-phone').count()).resolves.toBe(0);
    await expectReadable(phone);
    await screenshot(phone, 'continue-02-phone-same-step');

    const stranger = await openOnPhone(browser, link, '另一个账号');
    await expectText(stranger, '#continue-error', '该二维码不属于当前登录的账号');
    await expectReadable(stranger);
    await screenshot(stranger, 'continue-03-other-account');
  });
});
