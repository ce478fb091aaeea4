import type { ResultChannel } from '@beian/shared';
import type { ChannelDelivery, ChannelResult } from '../notifications/notification-channel.port';
import type { ApplicantContact, ApplicantContactQuery } from './applicant-contact.query';
import type { ResultChannelSettings } from './result-channel-settings.service';

/**
 * Per delivery, the applicant's address on the channel (mobile or e-mail), or the skip that stands for the send:
 * the user turned the channel off, or the applicant's contact has no such address. Three reads for a whole batch.
 */
export async function resultRecipients(
  deliveries: ChannelDelivery[],
  channel: ResultChannel,
  reads: { settings: ResultChannelSettings; contacts: ApplicantContactQuery },
  address: (contact: ApplicantContact) => string | null,
  missing: string,
): Promise<(string | ChannelResult)[]> {
  const optedOut = await reads.settings.optedOut(
    deliveries.map((d) => d.message.userId),
    channel,
  );
  const wanted = deliveries.filter((d) => !optedOut.has(d.message.userId)).map((d) => ({ orderId: d.message.orderId!, userId: d.message.userId }));
  const contacts = await reads.contacts.ofAll(wanted);
  return deliveries.map(({ message }) => {
    if (optedOut.has(message.userId)) return { outcome: 'skipped', detail: 'opted out' };
    const contact = contacts.get(message.orderId!);
    return (contact && address(contact)) || { outcome: 'skipped', detail: missing };
  });
}
