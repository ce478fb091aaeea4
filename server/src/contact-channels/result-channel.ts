import type { ResultChannel } from '@beian/shared';
import type { MessageEntity } from '../notifications/message.entity';
import type { ChannelDelivery, ChannelResult, NotificationChannel } from '../notifications/notification-channel.port';
import { asError } from '../platform/errors/as-error';
import type { ApplicantContact, ApplicantContactQuery } from './applicant-contact.query';
import type { ResultChannelSettings } from './result-channel-settings.service';
import { resultTemplate } from './result-message';

/** How a missing address is named in the delivery's detail ("no applicant mobile"). */
const ADDRESS_NAMES: Record<keyof ApplicantContact, string> = { mobile: 'mobile', email: 'e-mail' };

/**
 * Progress messages of an order to the applicant's contact on one channel (SMS, e-mail), unless the user turned the
 * channel off. A channel says only where its address is in the contact and how it sends.
 */
export abstract class ApplicantResultChannel implements NotificationChannel {
  abstract readonly name: ResultChannel;
  /** Where this channel's address is in the applicant's contact. */
  protected abstract readonly contactField: keyof ApplicantContact;

  constructor(
    private readonly contacts: ApplicantContactQuery,
    private readonly settings: ResultChannelSettings,
  ) {}

  protected abstract send(address: string, message: MessageEntity, status: string): Promise<ChannelResult>;

  handles(message: MessageEntity): boolean {
    return Boolean(message.orderId && resultTemplate(message));
  }

  async deliverAll(deliveries: ChannelDelivery[]): Promise<(ChannelResult | Error)[]> {
    const recipients = await this.recipients(deliveries);
    return Promise.all(
      deliveries.map(async ({ message, status }, i): Promise<ChannelResult | Error> => {
        const recipient = recipients[i]!;
        if (typeof recipient !== 'string') return recipient;
        try {
          return await this.send(recipient, message, status);
        } catch (error) {
          return asError(error);
        }
      }),
    );
  }

  /**
   * Per delivery, the applicant's address on this channel, or the skip that stands for the send: the user turned the
   * channel off, or the applicant's contact has no such address. Three reads for a whole batch.
   */
  private async recipients(deliveries: ChannelDelivery[]): Promise<(string | ChannelResult)[]> {
    const optedOut = await this.settings.optedOut(
      deliveries.map((d) => d.message.userId),
      this.name,
    );
    const wanted = deliveries.filter((d) => !optedOut.has(d.message.userId)).map((d) => ({ orderId: d.message.orderId!, userId: d.message.userId }));
    const contacts = await this.contacts.ofAll(wanted);
    return deliveries.map(({ message }) => {
      if (optedOut.has(message.userId)) return { outcome: 'skipped', detail: 'opted out' };
      const contact = contacts.get(message.orderId!);
      return contact?.[this.contactField] ?? { outcome: 'skipped', detail: `no applicant ${ADDRESS_NAMES[this.contactField]}` };
    });
  }
}
