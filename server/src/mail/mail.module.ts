import { Module } from '@nestjs/common';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { DevMailboxMailSender } from './dev-mailbox.mail-sender';
import { MailSender } from './mail-sender.port';
import { MailController } from './mail.controller';
import { SmtpMailSender } from './smtp.mail-sender';

/**
 * E-mail. `MAIL_PROVIDER=dev-mailbox` (embedded default, refused in production without simulators) keeps messages in
 * the dev mailbox; `MAIL_PROVIDER=smtp` sends them with nodemailer through `SMTP_URL`.
 */
@Module({
  controllers: [MailController],
  providers: [
    DevMailboxMailSender,
    {
      provide: MailSender,
      inject: [APP_CONFIG, DevMailboxMailSender],
      useFactory: (config: AppConfig, devMailbox: DevMailboxMailSender): MailSender =>
        config.mail.provider === 'smtp' ? new SmtpMailSender(config.mail.url, config.mail.from) : devMailbox,
    },
  ],
  exports: [MailSender],
})
export class MailModule {}
