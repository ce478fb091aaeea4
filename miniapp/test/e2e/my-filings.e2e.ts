import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { FilingSubjectSummary } from '@beian/shared';
import { ApiTestKit, PERSON_ID, PERSONAL_WEBSITE, personalDraft, website } from '@beian/shared/testing';
import { makeFixtures, submittableMedia } from './support/fixtures';
import { fill, phonePage, SCREENSHOT_DIR } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { e2eDatabases } from './support/database';
import { approveSubmittedOrder } from './support/regulator-approval';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

const APPLICANT = '张三';
const SMS = { mobile: '13800138000', certLastSix: PERSON_ID.slice(-6) };

describe.each(e2eDatabases())('我的备案 on %s: the approved filing lives on', (databaseName) => {
  const stage = onStage(databaseName);

  const { shot } = stage;

  /** Clicks an export button and answers the downloaded file's path. */
  async function download(page: Page, button: string, name: string): Promise<string> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator(button).click()]);
    const dir = join(SCREENSHOT_DIR, '..', 'exports');
    mkdirSync(dir, { recursive: true });
    const path = join(dir, databaseName === 'sqlite' ? name : `mariadb-${name}`);
    await file.saveAs(path);
    return path;
  }

  it('should show the first approved filing in 我的备案, add a service from it, export it and find it in 备案查询 when the 管局 approved them', async () => {
    // Another actor's part, through the API: the applicant's first filing, submitted and approved by 初审 and the 管局.
    const media = submittableMedia(await makeFixtures());
    let applicantApi = await new ApiTestKit(stage.server.url).devLogin(APPLICANT);
    const orderId = (await applicantApi.createOrder(PERSONAL_WEBSITE)).id;
    const draft = personalDraft({ websites: [website({ name: '李雷的读书笔记', domains: ['lilei-reading.cn'] })] });
    await applicantApi.makeSubmittable(orderId, draft, media);
    await applicantApi.ok('submit', 'POST', `/api/orders/${orderId}/submit`);
    applicantApi = await approveSubmittedOrder(stage.server, APPLICANT, orderId, SMS);
    const [subject] = await applicantApi.ok<FilingSubjectSummary[]>('我的备案', 'GET', '/api/filings/subjects');
    expect(subject?.subjectIcpNumber).toMatch(/^京ICP备\d{10}号$/);
    const number = subject!.subjectIcpNumber;

    // The applicant, on the phone: home → 我的备案 → the subject → its website.
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, APPLICANT);
    await page.locator('#open-records').click();
    await expectText(page, '#records-list', number);
    await expectText(page, `#subject-${subject!.id}`, '正常');
    await expectReadable(page);
    await shot(page, 'records-01-list');
    await page.locator(`#subject-${subject!.id}`).click();
    await expectText(page, '#subject-number', number);
    await expectText(page, '#tab-website', '网站（1）');
    await expectText(page, '#service-1', `${number}-1`);
    await expectText(page, '#service-1', 'lilei-reading.cn');
    // 查看/变更 of an active subject opens 变更备案 (the 变更 journey is changes.e2e.ts).
    await expectText(page, '#change-subject', '查看/变更');
    await expectReadable(page);
    await shot(page, 'records-02-subject');
    await page.locator('#service-1').click();
    await expectText(page, '#footer-snippet', `<a href="https://beian.miit.gov.cn/" target="_blank">${number}-1</a>`);
    await page.locator('#check-footer').click();
    // The site does not exist on this closed network: the check says so instead of failing.
    await expectText(page, '#footer-result', /无法解析|无法连接|超时|内网/);
    await expectReadable(page);
    await shot(page, 'records-03-service-footer');
    await page.goBack();

    // Export: the spreadsheet lists the website with the subject's number and no personal data; the PDF shows the sheet.
    const xlsx = await download(page, '#records-subject #export-xlsx', 'records-subject.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const services = workbook.getWorksheet('服务')!.getSheetValues().filter(Boolean) as unknown[][];
    expect(services[1]?.slice(1, 6)).toEqual([number, '张三', `${number}-1`, '网站', '李雷的读书笔记']);
    expect(JSON.stringify(services)).not.toContain(PERSON_ID);
    expect(JSON.stringify(services)).not.toContain(SMS.mobile);
    const pdf = await download(page, '#records-subject #export-pdf', 'records-subject.pdf');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-f',
      '1',
      '-l',
      '1',
      pdf,
      join(SCREENSHOT_DIR, databaseName === 'sqlite' ? 'records-04-export-pdf' : 'records-04-export-pdf-mariadb'),
    ]);
    expect(execFileSync('pdftotext', [pdf, '-']).toString()).toContain(`${number}-1`);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');

    // 新增服务 from the subject: an order of the record's subject opens in the wizard, the subject copied from the record.
    await page.locator('#records-subject #add-website').click();
    await page.locator('#filing-start').waitFor();
    await expectReadable(page);
    await shot(page, 'records-05-add-service-wizard');
    const addOrderId = new URL(page.url().replace('#/', '')).searchParams.get('id');
    expect(addOrderId).toBeTruthy();
    const added = await applicantApi.order(addOrderId!);
    expect(added).toMatchObject({ kind: 'add_service_local', draft: { subject: { name: '张三', regionCode: '110105' } } });

    // The rest of that filing and its approval through the API; the 管局's approval adds `-2` under the same number.
    const { subject: _fromTheRecord, ...facts } = draft;
    await applicantApi.makeSubmittable(addOrderId!, { ...facts, websites: [website({ name: '李雷的旅行笔记', domains: ['lilei-travel.cn'] })] }, media);
    await applicantApi.ok('submit 新增服务', 'POST', `/api/orders/${addOrderId}/submit`);
    applicantApi = await approveSubmittedOrder(stage.server, APPLICANT, addOrderId!, SMS);
    await logInThroughTheUi(page, stage.server, APPLICANT);
    await page.locator('#open-records').click();
    await page.locator(`#records-list #subject-${subject!.id}`).click();
    await expectText(page, '#records-subject #tab-website', '网站（2）');
    await expectText(page, '#records-subject #service-2', `${number}-2`);
    await expectText(page, '#records-subject #service-2', 'lilei-travel.cn');
    await expectReadable(page);
    await shot(page, 'records-06-subject-after-add-service');

    // 备案查询 finds both websites by the subject's number, as MIIT shows them.
    await page.goto(`${stage.server.url}/#/records/pages/lookup/index`);
    await fill(page, 'lookup-query', `${number}-1`);
    await page.locator('#lookup-submit').click();
    await expectText(page, `[id="lookup-service-${number}-1"]`, '李雷的读书笔记');
    await expectText(page, `[id="lookup-service-${number}-2"]`, 'lilei-travel.cn');
    await expectReadable(page);
    await shot(page, 'records-07-lookup');
  });
});
