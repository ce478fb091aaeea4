import type { Browser, Page } from 'playwright-core';
import { PERSON_ID, personalDraft } from '@beian/shared/testing';
import { fill, launchChromium, phonePage, screenshot } from './support/browser';
import { startServer, type ServerProcess } from './support/server-process';

const NICKNAME = '张三';
const draft = personalDraft();
const websiteName = draft.websites![0]!.name!;
const domain = draft.websites![0]!.domains![0]!;

async function api(server: ServerProcess, method: string, path: string, token?: string, body?: unknown) {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, body: await res.json() };
}

async function logInThroughTheUi(page: Page, server: ServerProcess, nickname: string) {
  await page.goto(`${server.url}/#/pages/login/index`);
  await page.locator('#dev-login-notice').waitFor();
  await fill(page, 'dev-nickname', nickname);
  await page.locator('#dev-login').click();
  await page.locator('#home').waitFor();
}

describe('a personal first filing in the browser (walking skeleton)', () => {
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

  it('should show the order as 待初审 with a timeline after the applicant fills, saves and submits', async () => {
    const page = await phonePage(browser);
    await logInThroughTheUi(page, server, NICKNAME);
    await screenshot(page, 'skeleton-01-home');

    await page.locator('#start-filing').click();
    await page.locator('#filing-start').waitFor();
    await fill(page, 'subject-name', draft.subject!.name!);
    await fill(page, 'subject-certificate-number', PERSON_ID);
    await fill(page, 'principal-mobile', draft.subjectPrincipal!.mobile!);
    await fill(page, 'website-domain', domain);
    await fill(page, 'website-name', websiteName);
    await expectText(page, '#save-state', '已保存');
    await screenshot(page, 'skeleton-02-form-saved');

    // The remaining fields of a personal first filing (addresses, validity, materials …) come from the full
    // wizard of a later issue; here they are saved through the API, as another device of the same account would.
    const { token } = (await api(server, 'POST', '/api/auth/dev-login', undefined, { nickname: NICKNAME })).body;
    const [order] = (await api(server, 'GET', '/api/orders', token)).body;
    const saved = (await api(server, 'GET', `/api/orders/${order.id}?reveal=true`, token)).body;
    expect(saved.draft).toMatchObject({
      subject: { name: draft.subject!.name, certificateNumber: PERSON_ID },
      subjectPrincipal: { mobile: draft.subjectPrincipal!.mobile },
      websites: [{ name: websiteName, domains: [domain] }],
    });
    const patched = await api(server, 'PATCH', `/api/orders/${order.id}/draft`, token, { version: saved.version, draft });
    expect(patched.status).toBe(200);

    await page.reload();
    await page.locator('#filing-start').waitFor();
    await page.locator('#submit').click();
    await page.locator('#progress').waitFor();
    await expectText(page, '#order-status', '待初审');
    await expect(page.locator('.timeline-entry').count()).resolves.toBe(2);
    await screenshot(page, 'skeleton-03-progress');
  });

  it('should keep the order when the server restarts on the same data', async () => {
    const dataDir = server.dataDir;
    await server.stop();
    server = await startServer({ DATA_DIR: dataDir });
    const page = await phonePage(browser);

    await logInThroughTheUi(page, server, NICKNAME);

    await page.locator('.order-item, [id^="order-"]').first().click();
    await page.locator('#progress').waitFor();
    await expectText(page, '#order-status', '待初审');
  });

  it('should put a Chinese message under a wrong ID number and keep what was typed', async () => {
    const page = await phonePage(browser);
    await logInThroughTheUi(page, server, '李四');
    await page.locator('#start-filing').click();
    await page.locator('#filing-start').waitFor();

    await fill(page, 'subject-certificate-number', '110101194912310021');
    await fill(page, 'website-domain', 'lisi.io');
    await page.locator('#submit').click();

    await expectText(page, '#subject-certificate-number-error', /身份证/);
    await expectText(page, '#website-domain-error', /域名/);
    await expect(page.locator('#subject-certificate-number input').inputValue()).resolves.toBe('110101194912310021');
    await screenshot(page, 'skeleton-04-field-errors');
  });
});

async function expectText(page: Page, selector: string, expected: string | RegExp): Promise<void> {
  const locator = page.locator(selector);
  await locator.waitFor();
  await page.waitForFunction(
    ([sel, source, isRegex]) => {
      const text = document.querySelector(sel as string)?.textContent ?? '';
      return isRegex ? new RegExp(source as string).test(text) : text.includes(source as string);
    },
    [selector, expected instanceof RegExp ? expected.source : expected, expected instanceof RegExp] as const,
    { timeout: 15_000 },
  );
}
