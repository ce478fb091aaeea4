import type { WechatApiClient } from '../auth/wechat-api.client';
import { WechatMessaging, type SubscribeMessage } from './wechat-messaging.port';

/** `POST /cgi-bin/message/subscribe/send` through the shared WeChat API client (its access token cache). */
export class HttpWechatMessaging extends WechatMessaging {
  constructor(
    private readonly client: WechatApiClient,
    private readonly miniprogramState: 'developer' | 'trial' | 'formal',
  ) {
    super();
  }

  async sendSubscribeMessage(message: SubscribeMessage): Promise<void> {
    await this.client.postJson('/cgi-bin/message/subscribe/send', {
      touser: message.touser,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: this.miniprogramState,
      lang: 'zh_CN',
    });
  }
}
