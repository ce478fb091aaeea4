import { Injectable } from '@nestjs/common';
import { fillResultTemplate } from '@beian/shared';
import { MailSender } from '../mail/mail-sender.port';
import type { MessageEntity } from '../notifications/message.entity';
import { NOTIFICATION_CHANNEL, type ChannelOutcome, type NotificationChannel } from '../notifications/notification-channel.port';
import { ApplicantContactQuery } from './applicant-contact.query';
import { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate, templateValues } from './result-message';

/** Progress messages by e-mail to the applicant's contact address, unless the user turned e-mail results off. */
@Injectable()
@NOTIFICATION_CHANNEL()
export class EmailResultChannel implements NotificationChannel {
  readonly name = 'email';

  constructor(
    private readonly mail: MailSender,
    private readonly contacts: ApplicantContactQuery,
    private readonly settings: ResultChannelSettings,
  ) {}

  handles(message: MessageEntity): boolean {
    return Boolean(message.orderId && resultTemplate(message));
  }

  async deliver(message: MessageEntity, status: string): Promise<{ outcome: ChannelOutcome; detail?: string }> {
    if (!(await this.settings.enabled(message.userId, 'email'))) return { outcome: 'skipped', detail: 'opted out' };
    const email = (await this.contacts.of(message.orderId!, message.userId))?.email;
    if (!email) return { outcome: 'skipped', detail: 'no applicant e-mail' };
    const template = resultTemplate(message)!;
    const values = templateValues(message, status);
    const text = [
      '您好：',
      template.emailLead,
      message.body,
      `订单号：${values.order}`,
      `当前状态：${status}`,
      '请在微信小程序「备案」的消息中心或备案进度中查看详情。本邮件由系统自动发送，请勿直接回复。',
    ].join('\n\n');
    await this.mail.send({ to: email, subject: fillResultTemplate(template.emailSubject, values), text });
    return { outcome: 'sent' };
  }
}
