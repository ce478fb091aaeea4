import { ConfigError, loadConfig } from '../../src/platform/config/app-config';
import type { MessageEntity } from '../../src/notifications/message.entity';
import { templateData } from '../../src/notifications/wechat-subscribe.channel';

const env = (templates: string) => ({ NODE_ENV: 'test', DATA_DIR: '/tmp/beian-config-test', WECHAT_SUBSCRIBE_TEMPLATES: templates });

describe('subscribe-message templates', () => {
  it('should read templates per progress message type when the JSON is valid', () => {
    const config = loadConfig(env(JSON.stringify({ submitted: { templateId: 'T1', data: { thing1: 'title' } } })));

    expect(config.wechatTemplates).toEqual({ submitted: { templateId: 'T1', data: { thing1: 'title' } } });
  });

  it.each([
    ['not JSON', '{', 'WECHAT_SUBSCRIBE_TEMPLATES: must be JSON'],
    ['an unknown message type', JSON.stringify({ welcome: { templateId: 'T1', data: {} } }), 'WECHAT_SUBSCRIBE_TEMPLATES.welcome: not a progress message type'],
    ['an unknown field', JSON.stringify({ submitted: { templateId: 'T1', data: { thing1: 'nickname' } } }), 'WECHAT_SUBSCRIBE_TEMPLATES.submitted.data.thing1'],
  ])('should refuse the configuration when it is %s', (_, templates, problem) => {
    expect(() => loadConfig(env(templates))).toThrow(ConfigError);
    expect(() => loadConfig(env(templates))).toThrow(problem);
  });

  it('should cut values to the length their template key allows when they are too long', () => {
    const message = {
      title: '初审未通过，请修改后重新提交并留意审核专员的来电',
      body: '原因：网站名称不符合要求',
      orderId: 'a1b2c3d4-0000-4000-8000-000000000000',
      createdAt: new Date('2026-11-20T02:00:00Z'),
    } as MessageEntity;

    const data = templateData(
      { templateId: 'T', data: { thing1: 'title', phrase2: 'status', time3: 'time', character_string4: 'orderId' } },
      message,
      '初审驳回了',
    );

    expect([...data.thing1!.value]).toHaveLength(20);
    expect(data.thing1!.value.endsWith('…')).toBe(true);
    expect(data.phrase2!.value).toBe('初审驳回了');
    expect(data.time3!.value).toBe('2026-11-20 10:00');
    expect(data.character_string4!.value).toBe('a1b2c3d4000040008000000000000000');
  });
});
