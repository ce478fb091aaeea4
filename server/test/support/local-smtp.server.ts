import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** Headers and body as received, quoted-printable and encoded words decoded. */
  text: string;
}

/** A real SMTP peer on loopback: accepts every message (or refuses every recipient) and keeps what it received. */
export class LocalSmtpServer {
  readonly received: ReceivedMail[] = [];
  refuseRecipients = false;
  /** `smtp://127.0.0.1:<port>`, once started. */
  url = '';
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo: (_address, _session, callback) => callback(this.refuseRecipients ? new Error('mailbox unavailable') : undefined),
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        this.received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          text: decode(Buffer.concat(chunks).toString('latin1')),
        });
        callback();
      });
    },
  });

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `smtp://127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The message as text: headers unfolded with their encoded words decoded, the body decoded by its transfer encoding. */
function decode(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ');
  const body = raw.slice(split).trim();
  const encoding = /^content-transfer-encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64')
      : Buffer.from(
          encoding === 'quoted-printable'
            ? body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
            : body,
          'latin1',
        );
  // Adjacent encoded words are one run of bytes: a character may be split between two of them.
  const words = head.replace(/(?:=\?UTF-8\?B\?[^?]*\?=\s*)+/gi, (run) =>
    Buffer.concat([...run.matchAll(/=\?UTF-8\?B\?([^?]*)\?=/gi)].map((m) => Buffer.from(m[1]!, 'base64'))).toString('utf8'),
  );
  return `${words}\n\n${bytes.toString('utf8')}`;
}
