import { PERSON_ID } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { fillPersonalStart, inputValue, nextStep, waitSaved, startNewFiling } from './support/filing';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('the filing wizard on a real server (walking skeleton) on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;

  it('should keep the saved draft when the server restarts on the same data', async () => {
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '张三');
    await fillPersonalStart(page, { region: '110105', name: '张三', idNumber: PERSON_ID, domain: 'zhangsan-notes.com' });
    await expectReadable(page);
    await shot(page, 'skeleton-01-verify-type');
    await nextStep(page, 'subject');
    await fill(page, 'subject-certificate-address', '北京市朝阳区某街道1号');
    await waitSaved(page);

    await stage.restart();
    const again = await phonePage(stage.browser);
    await logInThroughTheUi(again, stage.server, '张三');
    await again.locator('[id^="order-"]').first().click();
    await again.locator('#step-subject').waitFor();

    await expect(inputValue(again, 'subject-certificate-address')).resolves.toBe('北京市朝阳区某街道1号');
    await expectText(again, '#subject-name-fixed', '张三');
    await expectReadable(again);
    await shot(again, 'skeleton-02-after-restart');
  });

  it('should put a Chinese message under a wrong ID number and a .io domain and keep what was typed', async () => {
    const page = await phonePage(stage.browser);
    await startNewFiling(page, stage.server, '李四');

    await fillPersonalStart(page, { region: '110105', name: '李四', idNumber: '110101194912310021', domain: 'lisi.io' });
    await page.locator('#step-next').click();

    await expectText(page, '#subject-certificate-number-error', /身份证/);
    await expectText(page, '#websites-0-domains-0-error', /域名/);
    await expect(inputValue(page, 'subject-certificate-number')).resolves.toBe('110101194912310021');
    await expect(inputValue(page, 'websites-0-domains-0')).resolves.toBe('lisi.io');
    await expectReadable(page);
    await shot(page, 'skeleton-03-field-errors');
  });
});
