import { Injectable } from '@nestjs/common';
import type { DevMailMessage } from '@beian/shared';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { DevMailMessageEntity } from './dev-mail-message.entity';
import { MailSender, type MailMessage } from './mail-sender.port';

/** Embedded default: nothing leaves the machine; messages are shown by `POST /api/dev/mailbox/search` (simulators only). */
@Injectable()
export class DevMailboxMailSender extends MailSender {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async send(message: MailMessage): Promise<void> {
    await this.db.manager.insert(DevMailMessageEntity, {
      addressIndex: this.addressIndex(message.to),
      address: this.cipher.encrypt(message.to),
      subject: message.subject,
      content: message.text,
      code: message.code ?? null,
      sentAt: this.clock.now(),
    });
  }

  /** The messages "sent" to an address, newest first. */
  async search(address: string): Promise<DevMailMessage[]> {
    const rows = await this.db.manager.find(DevMailMessageEntity, { where: { addressIndex: this.addressIndex(address) }, order: { id: 'DESC' }, take: 50 });
    return rows.map((row) => ({
      email: this.cipher.decrypt(row.address),
      subject: row.subject,
      content: row.content,
      code: row.code,
      sentAt: row.sentAt.toISOString(),
    }));
  }

  private addressIndex(address: string): string {
    return this.cipher.blindIndex(address.trim().toLowerCase());
  }
}
