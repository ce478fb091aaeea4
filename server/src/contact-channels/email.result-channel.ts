import { Injectable } from '@nestjs/common';
import { fillResultTemplate } from '@beian/shared';
import { MailSender } from '../mail/mail-sender.port';
import type { MessageEntity } from '../notifications/message.entity';
import { NOTIFICATION_CHANNEL, type ChannelDelivery, type ChannelResult, type NotificationChannel } from '../notifications/notification-channel.port';
import { asError } from '../platform/errors/as-error';
import { ApplicantContactQuery } from './applicant-contact.query';
import { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate, templateValues } from './result-message';
import { resultRecipients } from './result-recipients';

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

  async deliverAll(deliveries: ChannelDelivery[]): Promise<(ChannelResult | Error)[]> {
    const recipients = await resultRecipients(
      deliveries,
      'email',
      { settings: this.settings, contacts: this.contacts },
      (contact) => contact.email,
      'no applicant e-mail',
    );
    return Promise.all(
      deliveries.map(async ({ message, status }, i): Promise<ChannelResult | Error> => {
        const email = recipients[i]!;
        if (typeof email !== 'string') return email;
        try {
          await this.send(email, message, status);
          return { outcome: 'sent' };
        } catch (error) {
          return asError(error);
        }
      }),
    );
  }

  private async send(email: string, message: MessageEntity, status: string): Promise<void> {
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
  }
}
