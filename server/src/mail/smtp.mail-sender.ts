import { createTransport, type Transporter } from 'nodemailer';
import { MailSender, type MailMessage } from './mail-sender.port';

/** Real adapter: nodemailer over SMTP (`SMTP_URL`, `smtps://` for TLS, STARTTLS when the server offers it). */
export class SmtpMailSender extends MailSender {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}
