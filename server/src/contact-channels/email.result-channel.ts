import { Injectable } from '@nestjs/common';
import { fillResultTemplate } from '@beian/shared';
import { MailSender } from '../mail/mail-sender.port';
import type { MessageEntity } from '../notifications/message.entity';
import { NOTIFICATION_CHANNEL, type ChannelResult } from '../notifications/notification-channel.port';
import { ApplicantContactQuery } from './applicant-contact.query';
import { ApplicantResultChannel } from './result-channel';
import { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate, templateValues } from './result-message';

/** Progress messages by e-mail to the applicant's contact address, unless the user turned e-mail results off. */
@Injectable()
@NOTIFICATION_CHANNEL()
export class EmailResultChannel extends ApplicantResultChannel {
  readonly name = 'email';
  protected readonly contactField = 'email';

  constructor(
    private readonly mail: MailSender,
    contacts: ApplicantContactQuery,
    settings: ResultChannelSettings,
  ) {
    super(contacts, settings);
  }

  protected async send(email: string, message: MessageEntity, status: string): Promise<ChannelResult> {
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
