import type { Page } from 'playwright-core';
import { ApiTestKit } from '@beian/shared/testing';
import { fill } from './browser';
import { eventually } from './eventually';
import { expectText, logInThroughTheUi } from './page-steps';
import type { ServerProcess } from './server-process';
import { pickChoice, pickDate, pickRegion } from './wheel';

/** Small steps of the filing wizard in the H5 build, by the element ids the pages document. */

export async function inputValue(page: Page, id: string): Promise<string> {
  return page.locator(`#${id} input, #${id} textarea, input#${id}, textarea#${id}`).first().inputValue();
}

/** The field shows `value` once the draft has loaded (the step is on screen before the draft arrives). */
export async function expectValue(page: Page, id: string, value: string): Promise<void> {
  await page
    .waitForFunction(
      ([field, expected]) => document.querySelector<HTMLInputElement>(`#${field} input, #${field} textarea`)?.value === expected,
      [id, value] as const,
      { timeout: 10_000 },
    )
    .catch(() => undefined);
  await expect(inputValue(page, id)).resolves.toBe(value);
}

export async function fillArea(page: Page, id: string, value: string): Promise<void> {
  const area = page.locator(`#${id} textarea, textarea#${id}`).first();
  await area.click();
  await area.fill(value);
  await area.blur();
}

/** Chooses a file through the browser's file chooser that `<id>-pick` opens. */
export async function upload(page: Page, id: string, file: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator(`#${id}-pick`).click()]);
  await chooser.setFiles(file);
}

export async function uploadAndWait(page: Page, id: string, file: string): Promise<void> {
  await upload(page, id, file);
  await expectText(page, `#${id}-status`, '已上传', 30_000);
}

export async function nextStep(page: Page, expectedStep: string): Promise<void> {
  await page.locator('#step-next').click();
  await page.locator(`#step-${expectedStep}`).waitFor();
}

export async function waitSaved(page: Page): Promise<void> {
  await expectText(page, '#save-state', '已保存');
}

/** The newest 6-digit code the embedded SMS default sent to a mobile (dev outbox, newest first), read with the applicant's session. */
export function smsCode(applicant: ApiTestKit, mobile: string): Promise<string> {
  return eventually(`an SMS code for ${mobile}`, async () => {
    const sent = await applicant.devSmsOutbox(mobile);
    return sent.find((message) => message.code)?.code ?? undefined;
  });
}

/** The 注销 / 取消接入 confirmation code the principal reads on their phone (the dev SMS outbox). */
export async function cancellationCode(server: ServerProcess, mobile: string): Promise<string> {
  const outbox = await new ApiTestKit(server.url).devLogin('审核员1');
  return eventually('the code SMS', async () => {
    const [latest] = await outbox.devSmsOutbox(mobile);
    return latest?.content.includes('备案验证码') ? (latest.code ?? undefined) : undefined;
  });
}

/** Proves a principal's mobile: send, read the dev outbox, enter, verify. `prefix` is `pathId(principalPath)`. */
export async function verifyMobile(page: Page, applicant: ApiTestKit, prefix: string, mobile: string): Promise<void> {
  const id = `${prefix}-sms-code`;
  await page.locator(`#${id}-send`).click();
  const code = await smsCode(applicant, mobile);
  await fill(page, id, code);
  await page.locator(`#${id}-verify`).click();
  await expectText(page, `#${id}-state`, '已验证');
}

export interface PersonalStart {
  region: string;
  name: string;
  idNumber: string;
  domain: string;
}

/** Step 1 of a personal website filing, up to creating the order; the website runs on the first instance the account can file with. */
export async function fillPersonalStart(page: Page, data: PersonalStart): Promise<void> {
  await pickRegion(page, data.region);
  await pickChoice(page, 'subject-nature', '个人');
  await fill(page, 'subject-certificate-number', data.idNumber);
  await fill(page, 'subject-name', data.name);
  await fill(page, 'websites-0-domains-0', data.domain);
  await pickChoice(page, 'websites-0-resource-type', '本账号的云服务器实例');
  await page.locator('[id^="websites-0-resource-instance-id-choice-"]:not(.choice-disabled)').first().click();
  await expectText(page, '#websites-0-resource-instance-id-picker', '☑');
}

export interface UnitStart {
  region: string;
  name: string;
  uscc: string;
  legalRep: string;
  legalRepIdNumber: string;
  domain: string;
  /** An instance ID of the account, typed in. */
  instanceId: string;
}

/** Step 1 of an enterprise's website filing: the company, its 法定代表人 and the website on an instance the applicant types. */
export async function fillUnitStart(page: Page, data: UnitStart): Promise<void> {
  await pickRegion(page, data.region);
  await pickChoice(page, 'subject-nature', '企业');
  await fill(page, 'subject-certificate-number', data.uscc);
  await fill(page, 'subject-name', data.name);
  await fill(page, 'subject-legal-rep-name', data.legalRep);
  await pickChoice(page, 'subject-legal-rep-certificate-type', '居民身份证');
  await fill(page, 'subject-legal-rep-certificate-number', data.legalRepIdNumber);
  await fill(page, 'websites-0-domains-0', data.domain);
  await pickChoice(page, 'websites-0-resource-type', '本账号的云服务器实例');
  await fill(page, 'websites-0-resource-instance-id', data.instanceId);
}

export interface PrincipalData {
  /** `pathId` of the principal path: `subject-principal`, `websites-1-principal` … */
  prefix: string;
  mobile: string;
  email: string;
  name?: string;
  idNumber?: string;
}

/**
 * Every field of a principal form except "same as": identity (units), photos, validity, mobile + SMS, email. An
 * invited principal (`invited`) uploads their photos and proves their mobile themself: the applicant types the rest.
 */
export async function fillPrincipal(page: Page, applicant: ApiTestKit, photo: string, data: PrincipalData & { invited?: boolean }): Promise<void> {
  const { prefix } = data;
  if (data.name) {
    await fill(page, `${prefix}-name`, data.name);
    await pickChoice(page, `${prefix}-certificate-type`, '居民身份证');
    await fill(page, `${prefix}-certificate-number`, data.idNumber ?? '');
  }
  if (data.invited) await page.locator(`#${prefix}-by-invitee`).waitFor();
  else {
    await uploadAndWait(page, `${prefix}-certificate_front`, photo);
    await uploadAndWait(page, `${prefix}-certificate_back`, photo);
  }
  await pickDate(page, `${prefix}-valid-from`, '2020-01-01');
  await page.locator(`#${prefix}-long-term`).click();
  await fill(page, `${prefix}-mobile`, data.mobile);
  if (!data.invited) await verifyMobile(page, applicant, prefix, data.mobile);
  await fill(page, `${prefix}-email`, data.email);
}

/** The face check of a principal, on the principal page (own phone or invitation), with the consent first. */
export async function recordFaceCheck(page: Page, video: string): Promise<void> {
  await page.locator('#biometric-consent-tick').click();
  await page.locator('#biometric-consent-submit').click();
  await recordVideo(page, video);
}

/** The selfie video once consent, photos and mobile are done: read the digits, record, wait for the verdict. */
export async function recordVideo(page: Page, video: string): Promise<void> {
  await page.locator('#face-start').click();
  await page.locator('#face-digits').waitFor();
  await upload(page, 'face-video', video);
  await page.locator('#face-result').waitFor({ timeout: 30_000 });
}

/** The invited principal, after accepting and consenting, uploads both ID photos; each leaves the page once it is the order's. */
export async function uploadOwnIdPhotos(invitee: Page, photo: string): Promise<void> {
  await upload(invitee, 'id-photo-front', photo);
  await invitee.locator('#id-photo-front').waitFor({ state: 'detached', timeout: 30_000 });
  await upload(invitee, 'id-photo-back', photo);
  await invitee.locator('#own-mobile').waitFor();
}

/** The invited principal proves their own mobile with the code texted to it (the dev outbox is their phone). */
export async function verifyOwnMobile(invitee: Page, outbox: ApiTestKit, mobile: string): Promise<void> {
  await invitee.locator('#own-sms-send').click();
  await fill(invitee, 'own-sms-code', await smsCode(outbox, mobile));
  await invitee.locator('#own-sms-verify').click();
  await invitee.locator('#face-recording').waitFor();
}

/** Ticks the agreements and acknowledges every warning of the review step. */
export async function acceptReview(page: Page): Promise<void> {
  await page.locator('#precheck').waitFor();
  for (const key of ['privacy', 'terms', 'commitment']) await page.locator(`#agreements-${key}`).click();
  const acks = page.locator('[id^="finding-warning-"][id$="-ack"]');
  for (let i = 0; i < (await acks.count()); i++) await acks.nth(i).click();
}

/** Logs in by dev nickname and opens a new filing at its first step (验证备案类型). */
export async function startNewFiling(page: Page, server: ServerProcess, nickname: string): Promise<void> {
  await logInThroughTheUi(page, server, nickname);
  await page.locator('#start-filing').click();
  await page.locator('#step-verify_type').waitFor();
}
