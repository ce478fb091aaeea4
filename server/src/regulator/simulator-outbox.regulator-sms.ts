import { Injectable } from '@nestjs/common';
import { Clock } from '../platform/clock/clock';
import { FieldCipher } from '../platform/crypto/field-cipher';
import { DatabaseService } from '../platform/database/database.service';
import { RegulatorSimSmsEntity } from './regulator-sim-sms.entity';
import { RegulatorSms, type SentSms } from './regulator-sms.port';

/** The simulator's SMS: kept in the database so tests and demos read the codes (POST /api/regulator-sim/sms/search) on any process. */
@Injectable()
export class SimulatorOutboxRegulatorSms extends RegulatorSms {
  constructor(
    private readonly db: DatabaseService,
    private readonly cipher: FieldCipher,
    private readonly clock: Clock,
  ) {
    super();
  }

  async send(mobile: string, text: string): Promise<void> {
    await this.db.manager.insert(RegulatorSimSmsEntity, {
      mobileIndex: this.cipher.blindIndex(mobile),
      mobile: this.cipher.encrypt(mobile),
      text: this.cipher.encrypt(text),
      sentAt: this.clock.now(),
    });
  }

  /** Oldest first. */
  async to(mobile: string): Promise<SentSms[]> {
    const rows = await this.db.manager.find(RegulatorSimSmsEntity, {
      select: { text: true, sentAt: true },
      where: { mobileIndex: this.cipher.blindIndex(mobile) },
      order: { id: 'ASC' },
    });
    return rows.map((row) => ({ mobile, text: this.cipher.decrypt(row.text), sentAt: row.sentAt }));
  }
}
