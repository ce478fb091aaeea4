import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { DevSmsMessageEntity } from './dev-sms-message.entity';
import { invitationText, SmsSender, verificationCodeText, type InvitationSms, type NoticeSms, type VerificationCodeSms } from './sms-sender.port';

/** Embedded default: nothing leaves the machine; messages are shown by `GET /api/dev/sms-outbox` (simulators only). */
@Injectable()
export class DevOutboxSmsSender extends SmsSender {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async sendVerificationCode(message: VerificationCodeSms): Promise<void> {
    await this.keep(message.mobile, verificationCodeText(message), message.code);
  }

  async sendInvitation(message: InvitationSms): Promise<void> {
    await this.keep(message.mobile, invitationText(message), null);
  }

  async sendNotice(notice: NoticeSms): Promise<'sent'> {
    await this.keep(notice.mobile, notice.text, null);
    return 'sent';
  }

  private async keep(mobile: string, content: string, code: string | null): Promise<void> {
    await this.db.manager.insert(DevSmsMessageEntity, {
      mobileIndex: this.cipher.blindIndex(mobile),
      mobile: this.cipher.encrypt(mobile),
      content,
      code,
      sentAt: this.clock.now(),
    });
  }
}
