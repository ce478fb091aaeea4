import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { MailModule } from '../mail/mail.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { SmsModule } from '../sms/sms.module';
import { AccountMobileController } from './account-mobile.controller';
import { ApplicantContactQuery } from './applicant-contact.query';
import { EmailResultChannel } from './email.result-channel';
import { ResultChannelSettings } from './result-channel-settings.service';
import { ResultChannelsController } from './result-channels.controller';
import { SmsResultChannel } from './sms.result-channel';

/**
 * How the user is reached beyond the app: the account's bound mobile (proven by SMS code) and progress messages by
 * SMS and e-mail to the applicant's contact (channels of the notifications port), each of which the user may turn off.
 */
@Module({
  imports: [AccountsModule, SmsModule, MailModule, OrderCoreModule],
  controllers: [AccountMobileController, ResultChannelsController],
  providers: [ApplicantContactQuery, ResultChannelSettings, SmsResultChannel, EmailResultChannel],
})
export class ContactChannelsModule {}
