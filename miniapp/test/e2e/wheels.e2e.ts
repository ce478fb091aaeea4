import type { Page } from 'playwright-core';
import { addMonths, chinaDate, DAY_MS } from '@beian/shared';
import { ApiTestKit, freshPersonId, PERSON_ID, USCC } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { makeFixtures } from './support/fixtures';
import { fillPersonalStart, fillUnitStart, nextStep, startNewFiling, uploadAndWait, waitSaved } from './support/filing';
import { expectText } from './support/page-steps';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';
import { cancelWheel, confirmWheel, openSheet, openWheel, pickDate, turnWheel, wheelLine, wheelRows } from './support/wheel';

/** A date as the date wheel's three columns name it. */
function wheelLabels(date: string): string[] {
  const [year, month, day] = date.split('-');
  return [`${year}年`, `${month}月`, `${day}日`];
}

/** Opens a step from the steps bar, as a person jumps between steps of an order that exists. */
async function openStep(page: Page, step: string): Promise<void> {
  await page.locator(`#step-tab-${step}`).click();
  await page.locator(`#step-${step}`).waitFor();
}

describe.each(e2eDatabases())('the platform wheels for 备案地区, short choices and dates on %s', (databaseName) => {
  const stage = onStage(databaseName);

  it('should keep the district code, the chosen option and the date the applicant turned the wheels to, and nothing after 取消', async () => {
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '吴九');

    await openWheel(page, 'subject-region-code');
    await turnWheel(page, 0, '广东省');
    await turnWheel(page, 1, '深圳市');
    await turnWheel(page, 2, '南山区');
    await expectReadable(page);
    await stage.shot(page, 'wheels-01-region-open');
    await cancelWheel(page);
    await expectText(page, '#subject-region-code', '请选择省份、城市和区县');

    await openWheel(page, 'subject-nature');
    await turnWheel(page, 0, '个人');
    await expectReadable(page);
    await stage.shot(page, 'wheels-02-choice-open');
    await confirmWheel(page);
    await expectText(page, '#subject-nature', '个人');

    await fillPersonalStart(page, { region: '110105', name: '吴九', idNumber: freshPersonId(), domain: 'wujiu-notes.com' });
    await expectText(page, '#subject-region-code', '北京市 北京市 朝阳区');
    await expectReadable(page);
    await nextStep(page, 'subject');
    await fill(page, 'subject-certificate-address', '北京市朝阳区某街道9号');
    await fill(page, 'subject-communication-address', '北京市朝阳区某街道9号101室');
    await nextStep(page, 'subject_principal');

    await openWheel(page, 'subject-principal-valid-from');
    await turnWheel(page, 0, '2021年');
    await turnWheel(page, 1, '03月');
    await turnWheel(page, 2, '15日');
    await expectReadable(page);
    await stage.shot(page, 'wheels-03-date-open');
    await confirmWheel(page);
    await expectText(page, '#subject-principal-valid-from', '2021-03-15');
    await expectReadable(page);
    await waitSaved(page);

    const sameAccount = await new ApiTestKit(stage.server.url).devLogin('吴九');
    const [order] = await sameAccount.orders();
    const { draft } = await sameAccount.order(order!.id);
    expect(draft).toMatchObject({ subject: { regionCode: '110105', nature: 'personal' }, subjectPrincipal: { validFrom: '2021-03-15' } });
  });
  it('should open each date wheel near the expected date, offer only the dates the rules allow on the server’s today, and offer no one to copy before a principal has a name', async () => {
    // The server's clock runs 400 days ahead of this machine's: "today" on every wheel is the server's.
    const reviewer = await new ApiTestKit(stage.server.url).devLogin('审核员1');
    const { now } = await reviewer.ok<{ now: string }>('400 days later', 'POST', '/api/dev/clock/advance', { ms: 400 * DAY_MS });
    const today = chinaDate(new Date(now));
    const [year, month, day] = wheelLabels(today);
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '深圳示例科技');
    const applicant = await new ApiTestKit(stage.server.url).devLogin('深圳示例科技');
    await applicant.holdInstance('ins-sz0001');

    await fillUnitStart(page, {
      region: '440305',
      name: '深圳示例科技有限公司',
      uscc: USCC,
      legalRep: '张三',
      legalRepIdNumber: PERSON_ID,
      domain: 'szexample.com',
      instanceId: 'ins-sz0001',
    });
    await nextStep(page, 'subject');

    // Straight to the website before any principal is entered: there is no one to copy, and no wheel opens.
    await openStep(page, 'services');
    const sameAs = page.locator('#websites-0-principal-same-as');
    await expectText(page, '#websites-0-principal-same-as', '尚未填写可复制的负责人');
    await expect(sameAs.getAttribute('class')).resolves.toContain('choice-disabled');
    await sameAs.click();
    await page.evaluate(() => new Promise((settle) => requestAnimationFrame(() => requestAnimationFrame(settle))));
    await expect(openSheet(page).count()).resolves.toBe(0);
    await expectReadable(page);
    await stage.shot(page, 'wheels-04-nobody-to-copy');

    await openStep(page, 'subject_principal');
    await fill(page, 'subject-principal-name', '张三');
    // 有效期开始日期 opens five years back, and the wheel ends on the server's today.
    await openWheel(page, 'subject-principal-valid-from');
    await expect(wheelLine(page)).resolves.toEqual(wheelLabels(addMonths(today, -60)));
    expect((await wheelRows(page, 0)).at(-1)).toBe(year);
    await turnWheel(page, 0, year!);
    await turnWheel(page, 1, month!);
    expect((await wheelRows(page, 1)).at(-1)).toBe(month);
    expect((await wheelRows(page, 2)).at(-1)).toBe(day);
    await expectReadable(page);
    await stage.shot(page, 'wheels-05-valid-from-ends-today');
    await cancelWheel(page);
    await pickDate(page, 'subject-principal-valid-from', '2020-05-12');
    await expectText(page, '#subject-principal-valid-from', '2020-05-12');
    // 有效期结束日期 opens ten years after the start (a 居民身份证 ends on the month and day it began) and starts on today.
    await openWheel(page, 'subject-principal-valid-to');
    await expect(wheelLine(page)).resolves.toEqual(['2030年', '05月', '12日']);
    expect((await wheelRows(page, 0))[0]).toBe(year);
    await confirmWheel(page);
    await expectText(page, '#subject-principal-valid-to', '2030-05-12');
    await waitSaved(page);

    // Now the 主体负责人 has a name: the website's principal may copy them.
    await openStep(page, 'services');
    await openWheel(page, 'websites-0-principal-same-as');
    await expect(wheelRows(page, 0)).resolves.toEqual(['主体负责人']);
    await cancelWheel(page);

    // 广东 asks for a 承诺书: its 签署日期 opens on the server's today, and offers the three months before it and nothing later.
    await openStep(page, 'materials');
    await uploadAndWait(page, 'order-commitment_letter', (await makeFixtures()).photo);
    const signedAt = page.locator('[id^="materials-"][id$="-signed-at"]');
    await signedAt.waitFor();
    const signedAtId = (await signedAt.getAttribute('id'))!;
    await openWheel(page, signedAtId);
    await expect(wheelLine(page)).resolves.toEqual([year, month, day]);
    expect((await wheelRows(page, 0)).at(-1)).toBe(year);
    expect((await wheelRows(page, 1)).at(-1)).toBe(month);
    expect((await wheelRows(page, 2)).at(-1)).toBe(day);
    await confirmWheel(page);
    await expectText(page, `#${signedAtId}`, today);
    const earliest = addMonths(today, -3);
    const [earliestYear, earliestMonth, earliestDay] = wheelLabels(earliest);
    await openWheel(page, signedAtId);
    expect((await wheelRows(page, 0))[0]).toBe(earliestYear);
    await turnWheel(page, 0, earliestYear!);
    await turnWheel(page, 1, earliestMonth!);
    expect((await wheelRows(page, 1))[0]).toBe(earliestMonth);
    expect((await wheelRows(page, 2))[0]).toBe(earliestDay);
    await turnWheel(page, 2, earliestDay!);
    await expectReadable(page);
    await stage.shot(page, 'wheels-06-signed-at-window');
    await confirmWheel(page);
    await expectText(page, `#${signedAtId}`, earliest);
    await waitSaved(page);

    const [order] = await applicant.orders();
    const { draft } = await applicant.order(order!.id, true);
    expect(draft).toMatchObject({ subjectPrincipal: { validFrom: '2020-05-12', validTo: '2030-05-12' } });
    expect((draft.materials as { kind: string; signedAt?: string }[]).find((material) => material.kind === 'commitment_letter')?.signedAt).toBe(earliest);
  });
});
