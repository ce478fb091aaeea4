import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { DevSmsMessageEntity } from './dev-sms-message.entity';
import { SmsSender, verificationCodeText, type VerificationCodeSms } from './sms-sender.port';

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
    await this.db.manager.insert(DevSmsMessageEntity, {
      mobileIndex: this.cipher.blindIndex(message.mobile),
      mobile: this.cipher.encrypt(message.mobile),
      content: verificationCodeText(message),
      code: message.code,
      sentAt: this.clock.now(),
    });
  }
}
