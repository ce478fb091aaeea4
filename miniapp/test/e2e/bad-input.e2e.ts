import type { Page } from 'playwright-core';
import { ApiTestKit, freshPersonId, PERSON_ID } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { expectText } from './support/page-steps';
import { fillPersonalStart, inputValue, nextStep, upload, uploadAndWait, startNewFiling } from './support/filing';
import { pickChoice, pickRegion } from './support/wheel';
import { expectReadable } from './support/what-a-person-sees';
import { makeFixtures, type Fixtures } from './support/fixtures';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';

/**
 * Compression may be over before a screenshot could catch it: an observer in the page records every change of the
 * upload's status and button, and the answer says whether 正在压缩照片… showed, with the button disabled meanwhile.
 */
async function watchCompression(page: Page, id: string): Promise<() => Promise<Record<string, boolean>>> {
  await page.evaluate((uploadId) => {
    const seen = { indicator: false, buttonDisabledWhileCompressing: true, buttonEnabledAfter: false };
    const look = () => {
      const compressing = document.querySelector(`#${uploadId}-status`)?.textContent?.includes('正在压缩照片…') ?? false;
      const disabled = document.querySelector(`#${uploadId}-pick`)?.hasAttribute('disabled') ?? false;
      if (compressing) {
        seen.indicator = true;
        seen.buttonDisabledWhileCompressing &&= disabled;
      }
      if (seen.indicator && !compressing) seen.buttonEnabledAfter = !disabled;
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { compressionSeen: typeof seen }).compressionSeen = seen;
  }, id);
  return () => page.evaluate(() => ({ ...(window as unknown as { compressionSeen: Record<string, boolean> }).compressionSeen }));
}

describe.each(e2eDatabases())('the bad-input tour: each mistake gets a clear message on its field and nothing typed is lost on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;
  let files: Fixtures;

  beforeAll(async () => {
    files = await makeFixtures();
  });

  it('should create no order before 验证备案类型 has the certificate and the domain, whatever the applicant taps first', async () => {
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '郑十');
    await pickRegion(page, '110105');
    await pickChoice(page, 'subject-nature', '个人');
    // No photo can be uploaded before the order exists: the ID photo would start a 首次备案 unchecked.
    await expect(page.locator('#subject-principal-certificate_front-pick').count()).resolves.toBe(0);
    await fill(page, 'subject-certificate-number', PERSON_ID);
    await page.locator('#step-next').click();
    await expectText(page, '#subject-name-error', /填写|姓名|名称/);
    await expectReadable(page);
    await shot(page, 'bad-00-no-order-before-type-check');

    const sameAccount = await new ApiTestKit(stage.server.url).devLogin('郑十');
    await expect(sameAccount.orders()).resolves.toEqual([]);
  });

  it('should explain wrong IDs, a .io domain, bad website names and a second personal website on their fields', async () => {
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '周八');

    await fillPersonalStart(page, { region: '110105', name: '周八', idNumber: '110105194912310021', domain: 'zhouba.io' });
    await page.locator('#step-next').click();
    await expectText(page, '#subject-certificate-number-error', /校验|身份证/);
    await expectText(page, '#websites-0-domains-0-error', /域名/);
    await expectReadable(page);
    await shot(page, 'bad-01-check-digit-and-io');

    await fill(page, 'subject-certificate-number', '110105491231002');
    await page.locator('#step-next').click();
    await expectText(page, '#subject-certificate-number-error', /18位/);
    await expect(inputValue(page, 'subject-name')).resolves.toBe('周八');
    await expect(inputValue(page, 'websites-0-domains-0')).resolves.toBe('zhouba.io');
    await expectReadable(page);
    await shot(page, 'bad-02-fifteen-digits');

    // One order in flight per subject: each filing of this tour is its own person.
    await fill(page, 'subject-certificate-number', freshPersonId());
    await fill(page, 'websites-0-domains-0', 'zhouba-notes.com');
    await nextStep(page, 'subject');
    await page.locator('#step-tab-services').click();

    await fill(page, 'websites-0-name', 'MyNotes');
    await page.locator('#service-done').click();
    await expectText(page, '#websites-0-name-error', /汉字|字母/);
    await fill(page, 'websites-0-name', '周八的官网');
    await page.locator('#service-done').click();
    await expectText(page, '#websites-0-name-error', /官网|个人/);
    await expect(inputValue(page, 'websites-0-name')).resolves.toBe('周八的官网');
    await expectReadable(page);
    await shot(page, 'bad-03-website-names');

    await page.locator('#add-website').click();
    await expectText(page, '#services-error', /个人.*最多1个/);
    await expect(page.locator('#service-websites-1').count()).resolves.toBe(0);
    await expectReadable(page);
    await shot(page, 'bad-04-second-website');

    await page.locator('#step-tab-subject_principal').click();
    await upload(page, 'subject-principal-certificate_back', files.textAsJpeg);
    await expectText(page, '#subject-principal-certificate_back-error', /不是有效的JPG或PNG/);
    await expectReadable(page);
    await shot(page, 'bad-05-renamed-text-file');
  });

  it('should compress a 6 MB photo before upload and refuse a 40-second video', async () => {
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '吴九');
    await fillPersonalStart(page, { region: '110105', name: '吴九', idNumber: freshPersonId(), domain: 'wujiu-notes.com' });
    await nextStep(page, 'subject');
    await page.locator('#step-tab-subject_principal').click();
    await fill(page, 'subject-principal-email', 'wujiu@example.com');

    const seen = await watchCompression(page, 'subject-principal-certificate_front');
    await uploadAndWait(page, 'subject-principal-certificate_front', files.bigPhoto);
    await expect(seen()).resolves.toEqual({ indicator: true, buttonDisabledWhileCompressing: true, buttonEnabledAfter: true });
    await expectText(page, '#subject-principal-certificate_front-note', /已自动压缩：\d+\.\d MB → (\d+ KB|1\.0 MB)/);
    await expect(inputValue(page, 'subject-principal-email')).resolves.toBe('wujiu@example.com');
    await expectReadable(page);
    await shot(page, 'bad-06-big-photo-compressed');

    await page.locator('#step-tab-face_check').click();
    await page.locator('#face-principal-0-self').click();
    await page.locator('#principal-face').waitFor();
    await page.locator('#biometric-consent-tick').click();
    await page.locator('#biometric-consent-submit').click();
    await page.locator('#face-start').click();
    await upload(page, 'face-video', files.longVideo);
    await expectText(page, '#face-video-error', /5–15秒/);
    await expectReadable(page);
    await shot(page, 'bad-07-long-video');
  });
});
