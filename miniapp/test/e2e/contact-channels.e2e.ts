import type { ResultChannelSetting } from '@beian/shared';
import { ApiTestKit } from '@beian/shared/testing';
import { fill, phonePage } from './support/browser';
import { expectText, logInThroughTheUi } from './support/page-steps';
import { e2eDatabases } from './support/database';
import { eventually } from './support/eventually';
import { onStage } from './support/stage';
import { expectReadable } from './support/what-a-person-sees';

describe.each(e2eDatabases())('我的账号: bound mobile and 通知方式 on %s, through the screen', (databaseName) => {
  const stage = onStage(databaseName, { SIMULATORS_ENABLED: 'true' });

  const { shot } = stage;

  /** The code the person reads on their phone (the dev SMS outbox). */
  async function codeOnPhone(mobile: string): Promise<string> {
    const phone = await new ApiTestKit(stage.server.url).devLogin('手机');
    return eventually('the code SMS', async () => {
      const [latest] = await phone.devSmsOutbox(mobile);
      return latest?.content.includes('备案验证码') ? (latest.code ?? undefined) : undefined;
    });
  }

  it('should bind a mobile by SMS code, show it masked, and keep SMS results off once turned off', async () => {
    const mobile = `137${String(Date.now()).slice(-8)}`;
    const page = await phonePage(stage.browser);
    await logInThroughTheUi(page, stage.server, '绑定手机的人');
    await page.locator('#open-account').click();
    await expectText(page, '#bound-mobile-value', '未绑定');
    await expectText(page, '#result-channel-sms', '已开启 · 关闭');
    await expectText(page, '#result-channel-email', '已开启 · 关闭');

    await fill(page, 'bound-mobile-input', mobile);
    await page.locator('#bound-mobile-send').click();
    await fill(page, 'bound-mobile-code', await codeOnPhone(mobile));
    await page.locator('#bind-mobile').click();
    await expectText(page, '#bound-mobile-value', `${mobile.slice(0, 3)}****${mobile.slice(7)}`);

    await page.locator('#result-channel-sms').click();
    await expectText(page, '#result-channel-sms', '已关闭 · 开启');
    await expectReadable(page);
    await shot(page, 'account-bound-mobile-and-result-channels');

    await page.reload();
    await expectText(page, '#bound-mobile-value', `${mobile.slice(0, 3)}****${mobile.slice(7)}`);
    await expectText(page, '#result-channel-sms', '已关闭 · 开启');
    await expectText(page, '#result-channel-email', '已开启 · 关闭');
    const mine = await new ApiTestKit(stage.server.url).devLogin('绑定手机的人');
    expect(await mine.ok<ResultChannelSetting[]>('通知方式', 'GET', '/api/notifications/result-channels')).toEqual([
      { channel: 'sms', label: '短信通知', enabled: false },
      { channel: 'email', label: '邮件通知', enabled: true },
    ]);
  });
});
