import { Injectable } from '@nestjs/common';
import { fillResultTemplate } from '@beian/shared';
import type { MessageEntity } from '../notifications/message.entity';
import { NOTIFICATION_CHANNEL, type ChannelResult } from '../notifications/notification-channel.port';
import { SmsSender } from '../sms/sms-sender.port';
import { ApplicantContactQuery } from './applicant-contact.query';
import { ApplicantResultChannel } from './result-channel';
import { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate, templateValues } from './result-message';

/** Progress messages by SMS to the applicant's contact mobile, unless the user turned SMS results off. */
@Injectable()
@NOTIFICATION_CHANNEL()
export class SmsResultChannel extends ApplicantResultChannel {
  readonly name = 'sms';
  protected readonly contactField = 'mobile';

  constructor(
    private readonly sender: SmsSender,
    contacts: ApplicantContactQuery,
    settings: ResultChannelSettings,
  ) {
    super(contacts, settings);
  }

  protected async send(mobile: string, message: MessageEntity, status: string): Promise<ChannelResult> {
    const text = fillResultTemplate(resultTemplate(message)!.sms, templateValues(message, status));
    const sent = await this.sender.sendNotice({ mobile, title: message.title, text });
    return sent === 'sent' ? { outcome: 'sent' } : { outcome: 'skipped', detail: 'no SMS notice template' };
  }
}
