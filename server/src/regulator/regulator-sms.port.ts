/** How MIIT texts principals (its verification SMS); not the provider's own SMS channel (src/sms). */
export abstract class RegulatorSms {
  abstract send(mobile: string, text: string): Promise<void>;
}

export interface SentSms {
  mobile: string;
  text: string;
  sentAt: Date;
}

/** The simulator's SMS: kept in memory so tests and demos read the codes (GET /api/regulator-sim/sms). */
export class RecordingRegulatorSms extends RegulatorSms {
  readonly sent: SentSms[] = [];

  constructor(private readonly now: () => Date) {
    super();
  }

  send(mobile: string, text: string): Promise<void> {
    this.sent.push({ mobile, text, sentAt: this.now() });
    return Promise.resolve();
  }

  to(mobile: string): SentSms[] {
    return this.sent.filter((sms) => sms.mobile === mobile);
  }
}
