import { Injectable } from '@nestjs/common';
import { fillResultTemplate } from '@beian/shared';
import type { MessageEntity } from '../notifications/message.entity';
import { NOTIFICATION_CHANNEL, type ChannelOutcome, type NotificationChannel } from '../notifications/notification-channel.port';
import { SmsSender } from '../sms/sms-sender.port';
import { ApplicantContactQuery } from './applicant-contact.query';
import { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate, templateValues } from './result-message';

/** Progress messages by SMS to the applicant's contact mobile, unless the user turned SMS results off. */
@Injectable()
@NOTIFICATION_CHANNEL()
export class SmsResultChannel implements NotificationChannel {
  readonly name = 'sms';

  constructor(
    private readonly sender: SmsSender,
    private readonly contacts: ApplicantContactQuery,
    private readonly settings: ResultChannelSettings,
  ) {}

  handles(message: MessageEntity): boolean {
    return Boolean(message.orderId && resultTemplate(message));
  }

  async deliver(message: MessageEntity, status: string): Promise<{ outcome: ChannelOutcome; detail?: string }> {
    if (!(await this.settings.enabled(message.userId, 'sms'))) return { outcome: 'skipped', detail: 'opted out' };
    const mobile = (await this.contacts.of(message.orderId!, message.userId))?.mobile;
    if (!mobile) return { outcome: 'skipped', detail: 'no applicant mobile' };
    const text = fillResultTemplate(resultTemplate(message)!.sms, templateValues(message, status));
    const sent = await this.sender.sendNotice({ mobile, title: message.title, text });
    return sent === 'sent' ? { outcome: 'sent' } : { outcome: 'skipped', detail: 'no SMS notice template' };
  }
}
