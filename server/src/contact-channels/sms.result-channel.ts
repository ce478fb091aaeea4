import { Injectable } from '@nestjs/common';
import { fillResultTemplate } from '@beian/shared';
import type { MessageEntity } from '../notifications/message.entity';
import { NOTIFICATION_CHANNEL, type ChannelDelivery, type ChannelResult, type NotificationChannel } from '../notifications/notification-channel.port';
import { asError } from '../platform/errors/as-error';
import { SmsSender } from '../sms/sms-sender.port';
import { ApplicantContactQuery } from './applicant-contact.query';
import { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate, templateValues } from './result-message';
import { resultRecipients } from './result-recipients';

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

  async deliverAll(deliveries: ChannelDelivery[]): Promise<(ChannelResult | Error)[]> {
    const recipients = await resultRecipients(
      deliveries,
      'sms',
      { settings: this.settings, contacts: this.contacts },
      (contact) => contact.mobile,
      'no applicant mobile',
    );
    return Promise.all(
      deliveries.map(async ({ message, status }, i): Promise<ChannelResult | Error> => {
        const mobile = recipients[i]!;
        if (typeof mobile !== 'string') return mobile;
        const text = fillResultTemplate(resultTemplate(message)!.sms, templateValues(message, status));
        try {
          const sent = await this.sender.sendNotice({ mobile, title: message.title, text });
          return sent === 'sent' ? { outcome: 'sent' } : { outcome: 'skipped', detail: 'no SMS notice template' };
        } catch (error) {
          return asError(error);
        }
      }),
    );
  }
}
