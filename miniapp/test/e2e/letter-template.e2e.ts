import { ApiTestKit, freshPersonId } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { fillPersonalStart, fillPrincipal, nextStep, uploadAndWait, waitSaved } from './support/filing';
import { pickChoice, pickDate } from './support/wheel';
import { makeFixtures, type Fixtures } from './support/fixtures';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';
import { expectReadable } from './support/what-a-person-sees';

/** Today's date in China, as the date wheel names it. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

describe.each(e2eDatabases())('the 广东 承诺书: template to open and save, then the signed letter on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;
  let files: Fixtures;

  beforeAll(async () => {
    files = await makeFixtures();
  });

  it('should offer the province’s template as a PDF on the materials step and take the signed letter with its date', async () => {
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, '黄十');
    const applicant = await new ApiTestKit(stage.server.url).devLogin('黄十');
    await page.locator('#start-filing').click();
    await page.locator('#step-verify_type').waitFor();

    await fillPersonalStart(page, { region: '440305', name: '黄十', idNumber: freshPersonId(), domain: 'huangshi-notes.com' });
    await nextStep(page, 'subject');
    await fill(page, 'subject-certificate-address', '广东省深圳市南山区某街道1号');
    await fill(page, 'subject-communication-address', '广东省深圳市南山区某街道1号101室');
    await nextStep(page, 'subject_principal');
    await fillPrincipal(page, applicant, files.photo, { prefix: 'subject-principal', mobile: '13800138010', email: 'huangshi@example.com' });
    await nextStep(page, 'services');
    await fill(page, 'websites-0-name', '黄十的读书笔记');
    await page.locator('#websites-0-service-content-option-other').click();
    await pickChoice(page, 'websites-0-principal-same-as', '主体负责人');
    await expectText(page, '#websites-0-principal-same-as-text', '已复制自主体负责人');
    await page.locator('#service-done').click();
    await nextStep(page, 'materials');

    // 广东 asks for a 承诺书 handwritten on the bureau's template: the applicant opens it from the step.
    await expectText(page, '#template-commitment_letter', '打开承诺书模板（PDF，可保存或打印）');
    await expectText(page, '#materials-list', '请下载广东省承诺书模板');
    const [viewer] = await Promise.all([page.waitForEvent('popup'), page.locator('#template-commitment_letter').click()]);
    const opened = new URL(viewer.url());
    expect(`${opened.pathname}${opened.search}`).toBe('/api/letter-templates/commitment_letter?province=44');
    // What the tab received (as saving it would): a PDF named for the province.
    const letter = await page.request.get(viewer.url());
    expect(letter.headers()['content-type']).toBe('application/pdf');
    expect(letter.headers()['content-disposition']).toBe('inline; filename="commitment_letter-44.pdf"');
    expect((await letter.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await viewer.close();
    await expectReadable(page);
    await shot(page, 'letter-01-template-offered');

    await uploadAndWait(page, 'websites-0-domain_real_name', files.photo);
    await uploadAndWait(page, 'order-commitment_letter', files.photo);
    const signedAt = page.locator('[id^="materials-"][id$="-signed-at"]');
    await signedAt.waitFor();
    await pickDate(page, (await signedAt.getAttribute('id'))!, chinaToday());
    await waitSaved(page);
    await expectText(page, '#materials-progress', /需要6份材料，已上传6份/);
    await expectReadable(page);
    await shot(page, 'letter-02-signed-letter-uploaded');
    await nextStep(page, 'face_check');
  });
});
