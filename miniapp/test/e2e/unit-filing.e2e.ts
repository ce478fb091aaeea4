import type { Page } from 'playwright-core';
import { ApiTestKit, OTHER_ID, PERSON_ID, USCC } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { answerPublicSecurityDialog, expectText, logInThroughTheUi } from './support/page-steps';
import {
  acceptReview,
  fillArea,
  fillPrincipal,
  fillUnitStart,
  nextStep,
  recordFaceCheck,
  recordVideo,
  uploadAndWait,
  uploadOwnIdPhotos,
  verifyOwnMobile,
} from './support/filing';
import { expectReadable } from './support/what-a-person-sees';
import { cancelWheel, openWheel, pickChoice, wheelRows } from './support/wheel';
import { makeFixtures, type Fixtures } from './support/fixtures';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';

const APPLICANT = '福州示例科技';
const PUBLIC_KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA';
const FINGERPRINT = '3A7F2C9D4B1E8A6F0C5D2E9B7A4F1C3D';
/** What the applicant typed in Latin letters: the review shows it back. */
const TYPED = [USCC, 'ins-fz0001', 'ins-fz0002', 'ins-fz0003', PUBLIC_KEY, FINGERPRINT];

async function sameAsSubjectPrincipal(page: Page, prefix: string): Promise<void> {
  await pickChoice(page, `${prefix}-same-as`, '主体负责人');
  await expectText(page, `#${prefix}-same-as-text`, '已复制自主体负责人');
  // The server counts a verified number for every principal with it in the order.
  await expectText(page, `#${prefix}-sms-code-state`, '已验证');
}

describe.each(e2eDatabases())('a unit first filing with two websites and one APP on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;
  let files: Fixtures;

  beforeAll(async () => {
    files = await makeFixtures();
  });

  it('should submit after a second website principal, invited by SMS, uploads their own ID photos, verifies their own mobile and records the video in another browser', async () => {
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, APPLICANT);
    const applicant = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    // The company bought three servers before filing; it types their IDs.
    for (const instanceId of ['ins-fz0001', 'ins-fz0002', 'ins-fz0003']) await applicant.holdInstance(instanceId);
    await page.locator('#start-filing').click();
    await page.locator('#step-verify_type').waitFor();
    // The H5 has a title bar with the page's title and a way back; the icon is inline (no favicon request to fail).
    await expectText(page, '#taro-navigation-bar', 'ICP首次备案');
    await page.locator('#taro-navigation-bar .taro-navigation-bar-back').waitFor();
    await expect(page.locator('link[rel="icon"]').getAttribute('href')).resolves.toMatch(/^data:image\/svg\+xml/);

    await fillUnitStart(page, {
      region: '350102',
      name: '福州示例科技有限公司',
      uscc: USCC,
      legalRep: '张三',
      legalRepIdNumber: PERSON_ID,
      domain: 'fzexample.com',
      instanceId: 'ins-fz0001',
    });
    await expectReadable(page, TYPED);
    await shot(page, 'unit-01-verify-type');
    await nextStep(page, 'subject');

    await fill(page, 'subject-certificate-address', '福州市鼓楼区示例路1号');
    await fill(page, 'subject-communication-address', '福州市鼓楼区示例路1号8楼801室');
    await fill(page, 'subject-investor', '张三');
    await expectReadable(page, TYPED);
    await shot(page, 'unit-02-subject');
    await nextStep(page, 'subject_principal');

    await fillPrincipal(page, applicant, files.photo, {
      prefix: 'subject-principal',
      name: '张三',
      idNumber: PERSON_ID,
      mobile: '13800138000',
      email: 'zhangsan@example.com',
    });
    await fill(page, 'subject-principal-phone2', '0591-87654321');
    await expectReadable(page, TYPED);
    await shot(page, 'unit-03-principal');
    await nextStep(page, 'services');

    // Website 1: the company portal, principal = the subject principal (a visible copy).
    await fill(page, 'websites-0-name', '福州示例科技门户');
    await page.locator('#websites-0-service-content-option-unit_portal').click();
    // No APP yet: "APP1负责人" is not offered as a person to copy.
    await openWheel(page, 'websites-0-principal-same-as');
    await expect(wheelRows(page, 0)).resolves.toContain('主体负责人');
    await expect(wheelRows(page, 0)).resolves.not.toContain('APP1负责人');
    await cancelWheel(page);
    await sameAsSubjectPrincipal(page, 'websites-0-principal');
    await page.locator('#service-done').click();

    // Website 2: a shop run by another person, who will do the face check on their own phone. Tapping 完成此网站 on
    // the empty form brings its first error (at the top of the long form) into view.
    await page.locator('#add-website').click();
    await page.locator('#service-done').click();
    await page.waitForFunction(() => {
      const first = document.querySelector('#step-services .error-text');
      const box = first?.getBoundingClientRect();
      return box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight;
    });
    await expectReadable(page, TYPED);
    await shot(page, 'unit-04a-error-in-view');
    await fill(page, 'websites-1-name', '福州示例科技商城');
    await fill(page, 'websites-1-domains-0', 'fzexample-shop.com');
    await page.locator('#websites-1-service-content-option-shopping').click();
    await pickChoice(page, 'websites-1-resource-type', '本账号的云服务器实例');
    await fill(page, 'websites-1-resource-instance-id', 'ins-fz0002');
    // Another person: the applicant types who they are; photos and the SMS code are theirs to give.
    await fillPrincipal(page, applicant, files.photo, {
      prefix: 'websites-1-principal',
      name: '李四',
      idNumber: OTHER_ID,
      mobile: '13900139000',
      email: 'lisi@example.com',
      invited: true,
    });
    await expect(page.locator('#websites-1-principal-certificate_front').count()).resolves.toBe(0);
    await expect(page.locator('#websites-1-principal-sms-code').count()).resolves.toBe(0);
    await expectReadable(page);
    await shot(page, 'unit-04-second-website');
    await page.locator('#service-done').click();

    // The APP, principal = the subject principal.
    await page.locator('#add-app').click();
    await fill(page, 'apps-0-name', '示例科技助手');
    await page.locator('#apps-0-service-content-option-other').click();
    await pickChoice(page, 'apps-0-provides-sdk', '否');
    await pickChoice(page, 'apps-0-uses-external-sdk', '否');
    await pickChoice(page, 'apps-0-packages-0-platform', '安卓');
    await fill(page, 'apps-0-packages-0-package-name', 'com.fzexample.assistant');
    await fillArea(page, 'apps-0-packages-0-public-key', PUBLIC_KEY);
    await fill(page, 'apps-0-packages-0-fingerprint', FINGERPRINT);
    await pickChoice(page, 'apps-0-resource-type', '本账号的云服务器实例');
    await fill(page, 'apps-0-resource-instance-id', 'ins-fz0003');
    await sameAsSubjectPrincipal(page, 'apps-0-principal');
    await expectReadable(page, TYPED);
    await shot(page, 'unit-05-app');
    await page.locator('#service-done').click();
    await nextStep(page, 'materials');

    await uploadAndWait(page, 'subject-subject_certificate', files.photo);
    await uploadAndWait(page, 'websites-0-domain_real_name', files.photo);
    await uploadAndWait(page, 'websites-1-domain_real_name', files.photo);
    await uploadAndWait(page, 'apps-0-app_icon', files.photo);
    await expect(page.locator('#websites-1-principal-certificate_front').count()).resolves.toBe(0);
    await expectReadable(page, TYPED);
    await shot(page, 'unit-06-materials');
    await nextStep(page, 'face_check');

    await page.locator('#face-principal-1').waitFor();
    const titles = await page.locator('[id^="face-principal-"] .service-title').allTextContents();
    expect(titles).toHaveLength(2);
    const other = titles.findIndex((title) => title.includes('网站2负责人'));
    const self = 1 - other;
    expect(other).toBeGreaterThanOrEqual(0);

    await page.locator(`#face-principal-${other}-invite`).click();
    await expectText(page, `#face-principal-${other}-sms`, '邀请短信已发送至139****9000');
    await expectText(page, `#face-principal-${other}-status`, '邀请已发送');
    const link = (await page.locator(`#face-principal-${other}-link`).textContent())?.trim() ?? '';
    expect(link).toContain('/principal/pages/invite/index?token=');
    await expect(page.locator(`#face-principal-${other}-qr img`).getAttribute('src')).resolves.toMatch(/^data:image\/svg\+xml/);
    await expectReadable(page);
    await shot(page, 'unit-07-invitation');

    // The SMS port delivered the invitation to the principal's phone (the dev outbox is that phone): it carries the link.
    const [invitationSms] = await applicant.devSmsOutbox('13900139000');
    expect(invitationSms?.content).toContain('邀请您作为网站2负责人');
    expect(invitationSms?.content).toContain(link);

    // The principal opens the SMS link on their own phone, logs in with their own account and lands back on it.
    const invitee = await phonePage(stage.browser);
    await invitee.goto(link);
    await invitee.locator('#dev-login-notice').waitFor();
    await fill(invitee, 'dev-nickname', '李四');
    await invitee.locator('#dev-login').click();
    await invitee.locator('#invite-summary').waitFor();
    await expectText(invitee, '#invite-summary', '福州示例科技商城');
    await expectReadable(invitee);
    await invitee.locator('#invite-accept').click();
    await invitee.locator('#biometric-consent-tick').click();
    await invitee.locator('#biometric-consent-submit').click();
    // Each photo, once uploaded, is the order's material for this principal: the invitation stops asking for it.
    await uploadOwnIdPhotos(invitee, files.photo);
    await expectText(invitee, '#own-mobile', '139****9000');
    await expectReadable(invitee);
    await shot(invitee, 'unit-08-invitee-mobile');
    await verifyOwnMobile(invitee, applicant, '13900139000');
    await recordVideo(invitee, files.video);
    await expectReadable(invitee);
    await shot(invitee, 'unit-09-invitee-done');

    await page.locator(`#face-principal-${self}-self`).click();
    await page.locator('#principal-face').waitFor();
    await recordFaceCheck(page, files.video);
    await page.locator('#back-to-filing').click();
    await page.locator('#face-refresh').click();
    await expectText(page, `#face-principal-${other}-status`, /已通过|已完成|核验中/);
    await expectText(page, `#face-principal-${self}-status`, /已通过|已完成|核验中/);
    await nextStep(page, 'review_submit');

    await acceptReview(page);
    await expectReadable(page, TYPED);
    await shot(page, 'unit-10-review');
    await page.locator('#submit').click();
    await answerPublicSecurityDialog(page, false);
    await page.locator('#progress').waitFor();
    await expectText(page, '#order-status', '待初审');
    await expectReadable(page);
    await shot(page, 'unit-11-submitted');

    // Home, through the title bar: the order list names the order's sites and APP.
    const orderId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!;
    const home = page.locator('#taro-navigation-bar .taro-navigation-bar-home');
    await ((await home.isVisible()) ? home : page.locator('#taro-navigation-bar .taro-navigation-bar-back')).click();
    await expectText(page, `#order-${orderId}-services`, '福州示例科技门户 fzexample.com、福州示例科技商城 fzexample-shop.com、示例科技助手');
    await expectReadable(page);
    await shot(page, 'unit-12-order-list');
  });
});
