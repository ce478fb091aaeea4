import { WIZARD_NOTICES } from '@beian/shared';
import { ApiTestKit } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { fillPersonalStart, inputValue, nextStep } from './support/filing';
import { onStage } from './support/stage';
import { e2eDatabases } from './support/database';
import { expectReadable } from './support/what-a-person-sees';

const ID_NUMBER = '110105199001011232';
const OTHER_ID = '110105199102022344';

describe.each(e2eDatabases())('验证备案类型 against filings the registry already knows on %s', (databaseName) => {
  const stage = onStage(databaseName);
  const { shot } = stage;

  beforeAll(async () => {
    // Precondition from outside systems: MIIT already holds these filings at another provider.
    const registry = await new ApiTestKit(stage.server.url).devLogin('审核员1');
    await registry.ok('registry filing', 'POST', '/api/regulator-sim/registry', {
      certificateNumber: ID_NUMBER,
      subjectIcpNumber: '粤ICP备2021004321号',
      serviceType: 'website',
      service: 'my-old-site.cn',
      serviceIcpNumber: '粤ICP备2021004321号-2',
    });
    await registry.ok('registry filing', 'POST', '/api/regulator-sim/registry', {
      certificateNumber: OTHER_ID,
      subjectIcpNumber: '粤ICP备2021009999号',
      serviceType: 'website',
      service: 'someone-elses.cn',
    });
  });

  it('should refuse a domain someone else filed and open 接入备案 with the registry numbers for one the applicant filed', async () => {
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, '李雷');
    await page.locator('#start-filing').click();
    await page.locator('#step-verify_type').waitFor();

    await fillPersonalStart(page, { region: '110105', name: '李雷', idNumber: ID_NUMBER, domain: 'someone-elses。cn' });
    await expectText(page, '#subject-region-code-hint', WIZARD_NOTICES.regionNearest);
    await page.locator('#step-next').click();
    await expectText(page, '#websites-0-domains-0-error', /该备案非您本人提交.*线下注销原备案后再提交备案/);
    await expectReadable(page);
    await shot(page, 'access-01-filed-by-other');

    await fill(page, 'websites-0-domains-0', 'ＭＹ-OLD-SITE。cn');
    expect(await inputValue(page, 'websites-0-domains-0')).toBe('my-old-site.cn');
    await nextStep(page, 'subject');
    expect(await inputValue(page, 'subject-subject-icp-number')).toBe('粤ICP备2021004321号');
    expect(await page.locator('#subject-subject-icp-number input').first().isDisabled()).toBe(true);
    await fill(page, 'subject-filing-password', 'Miit-8812');
    await fill(page, 'subject-certificate-address', '北京市朝阳区某街道1号');
    await fill(page, 'subject-communication-address', '北京市朝阳区某街道1号101室');
    await expectReadable(page);
    await shot(page, 'access-02-subject-numbers');

    await page.locator('#step-tab-services').click();
    await page.locator('#step-services').waitFor();
    expect(await inputValue(page, 'websites-0-icp-number')).toBe('粤ICP备2021004321号-2');
    await expectText(page, '#access-service-count', /部分管局接入服务的数量不做限制[\s\S]*部分管局限制单次接入数量/);
    await expectReadable(page);
    await shot(page, 'access-03-website-number');
    await page.locator('#step-tab-verify_type').click();
    await expectText(page, '#filing-kind', /备案类型：接入备案[\s\S]*粤ICP备2021004321号-2/);
    await expectText(page, '#filing-kind', '若同时使用多家厂商的服务器，原备案信息无需注销或变更，多个接入商可同时存在。');
  });
});
