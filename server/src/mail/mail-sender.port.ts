/** The e-mail port: one plain-text message to one address. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** The verification code the message carries, kept by the dev mailbox only (so tests and the simulator can read it). */
  code?: string;
}

export abstract class MailSender {
  /** Throws when the message could not be handed over (the caller tells the user to try later). */
  abstract send(message: MailMessage): Promise<void>;
}
