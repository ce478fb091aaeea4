/** How MIIT texts principals (its verification SMS); not the provider's own SMS channel (src/sms). */
export abstract class RegulatorSms {
  abstract send(mobile: string, text: string): Promise<void>;
}

export interface SentSms {
  mobile: string;
  text: string;
  sentAt: Date;
}
