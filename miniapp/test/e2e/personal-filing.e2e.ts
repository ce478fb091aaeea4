import { ApiTestKit, PERSON_ID } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { answerPublicSecurityDialog, expectText, logInThroughTheUi } from './support/page-steps';
import { acceptReview, fillPersonalStart, fillPrincipal, nextStep, recordFaceCheck, uploadAndWait, waitSaved } from './support/filing';
import { pickChoice } from './support/wheel';
import { makeFixtures, type Fixtures } from './support/fixtures';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('a personal first filing of one website, start to submit on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;
  let files: Fixtures;

  beforeAll(async () => {
    files = await makeFixtures();
  });

  it('should reach 待初审 when the applicant fills every step, checks the face and submits', async () => {
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, '张三');
    const applicant = await new ApiTestKit(stage.server.url).devLogin('张三');
    await page.locator('#start-filing').click();
    await page.locator('#step-verify_type').waitFor();

    await fillPersonalStart(page, { region: '110105', name: '张三', idNumber: PERSON_ID, domain: 'zhangsan-reading.com' });
    await expectReadable(page);
    await shot(page, 'personal-01-verify-type');
    await nextStep(page, 'subject');
    // The server decided the kind when the order was created; the first step shows it with the reason.
    await page.locator('#step-tab-verify_type').click();
    await expectText(page, '#filing-kind', /备案类型：首次备案[\s\S]*主办者和该网站均未备案，请办理首次备案/);
    await expectReadable(page);
    await shot(page, 'personal-01b-filing-kind');
    await page.locator('#step-tab-subject').click();
    await page.locator('#step-subject').waitFor();

    await fill(page, 'subject-certificate-address', '北京市朝阳区某街道1号');
    await fill(page, 'subject-communication-address', '北京市朝阳区某街道1号101室');
    await expectReadable(page);
    await shot(page, 'personal-02-subject');
    await nextStep(page, 'subject_principal');

    await fillPrincipal(page, applicant, files.photo, { prefix: 'subject-principal', mobile: '13800138000', email: 'zhangsan@example.com' });
    await expectReadable(page);
    await shot(page, 'personal-03-principal');
    await nextStep(page, 'services');

    await fill(page, 'websites-0-name', '张三的读书笔记');
    await page.locator('#websites-0-service-content-option-other').click();
    await pickChoice(page, 'websites-0-principal-same-as', '主体负责人');
    await expectText(page, '#websites-0-principal-same-as-text', '已复制自主体负责人');
    await expectText(page, '#websites-0-principal-sms-code-state', '已验证');
    await expectReadable(page);
    await shot(page, 'personal-04-services');
    await page.locator('#service-done').click();
    await nextStep(page, 'materials');

    await uploadAndWait(page, 'websites-0-domain_real_name', files.photo);
    await expectText(page, '#materials-progress', /需要5份材料，已上传5份/);
    await expectReadable(page);
    await shot(page, 'personal-05-materials');
    await nextStep(page, 'face_check');

    await page.locator('#face-principal-0-self').click();
    await page.locator('#principal-face').waitFor();
    await recordFaceCheck(page, files.video);
    await expectReadable(page);
    await shot(page, 'personal-06-face-check');
    await page.locator('#back-to-filing').click();
    await expectText(page, '#face-principal-0-status', /已通过|已完成|核验中/);
    await nextStep(page, 'review_submit');

    await acceptReview(page);
    await waitSaved(page);
    await expectReadable(page);
    await shot(page, 'personal-07-review');
    // A double tap on 提交 submits once.
    await page.locator('#submit').dblclick();
    await answerPublicSecurityDialog(page, false);
    await page.locator('#progress').waitFor();
    await expectText(page, '#order-status', '待初审');
    await expect(page.locator('.timeline-entry', { hasText: '待初审' }).count()).resolves.toBe(1);
    await expectReadable(page);
    await shot(page, 'personal-08-progress');
  });
});
