import { ApiTestKit, freshPersonId } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { e2eDatabases } from './support/database';
import { fillPersonalStart, nextStep, startNewFiling, waitSaved } from './support/filing';
import { expectText } from './support/page-steps';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';
import { cancelWheel, confirmWheel, openWheel, turnWheel } from './support/wheel';

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
});
