import type { Page } from 'playwright-core';
import { fill } from './browser';
import type { ServerProcess } from './server-process';

/** Logs in through the H5 login page with a development nickname and waits for the home page. */
export async function logInThroughTheUi(page: Page, server: ServerProcess, nickname: string): Promise<void> {
  await page.goto(`${server.url}/#/pages/login/index`);
  await page.locator('#dev-login-notice').waitFor();
  await fill(page, 'dev-nickname', nickname);
  await page.locator('#dev-login').click();
  await page.locator('#home').waitFor();
}

/** Waits until the element's text contains `expected` (or matches it). */
export async function expectText(page: Page, selector: string, expected: string | RegExp, timeout = 15_000): Promise<void> {
  await page.locator(selector).first().waitFor({ timeout });
  await page.waitForFunction(
    ([sel, source, isRegex]) => {
      const text = document.querySelector(sel as string)?.textContent ?? '';
      return isRegex ? new RegExp(source as string).test(text) : text.includes(source as string);
    },
    [selector, expected instanceof RegExp ? expected.source : expected, expected instanceof RegExp] as const,
    { timeout },
  );
}

/** Taps 确定 on the confirmation dialog (Taro.showModal) the last tap opened. */
export async function confirmDialog(page: Page): Promise<void> {
  const confirm = page.locator('.taro__modal .taro-model__confirm');
  await confirm.waitFor();
  await confirm.click();
}

/** Answers the 公安联网备案 authorisation the first submission of a website filing asks: 同意授权, or 暂不授权. */
export async function answerPublicSecurityDialog(page: Page, consent: boolean): Promise<void> {
  const button = page.locator(`.taro__modal .taro-model__${consent ? 'confirm' : 'cancel'}`, { hasText: consent ? '同意授权' : '暂不授权' });
  await button.waitFor();
  await button.click();
}
