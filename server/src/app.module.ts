import { Module, type DynamicModule } from '@nestjs/common';
import { APP_ENTITIES } from './app-entities';
import { AuthModule } from './auth/auth.module';
import { MaterialsModule } from './materials/materials.module';
import { SmsModule } from './sms/sms.module';
import { InsightsModule } from './insights/insights.module';
import { OcrModule } from './ocr/ocr.module';
import { PrincipalsModule } from './principals/principals.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import { FilingRecordModule } from './filing-record/filing-record.module';
import { FilingsModule } from './filings/filings.module';
import { CancellationsModule } from './cancellations/cancellations.module';
import { AccountsModule } from './accounts/accounts.module';
import { AccountMigrationModule } from './account-migration/account-migration.module';
import { CodesModule } from './codes/codes.module';
import { MailModule } from './mail/mail.module';
import type { AppConfig } from './platform/config/app-config';
import { PlatformModule, type PlatformOverrides } from './platform/platform.module';
import { AuditModule } from './audit/audit.module';
import { CalendarModule } from './calendar/calendar.module';
import { RegulatorModule } from './regulator/regulator.module';
import { ReviewModule } from './review/review.module';
import { DeadLettersModule } from './outbox/dead-letters.module';
import { PublicSecurityModule } from './public-security/public-security.module';
import { ResourcesModule } from './resources/resources.module';
import { ContactChannelsModule } from './contact-channels/contact-channels.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(config, APP_ENTITIES, overrides),
        AuthModule,
        OrdersModule,
        FilingRecordModule,
        FilingsModule,
        CancellationsModule,
        AccountsModule,
        AccountMigrationModule,
        CodesModule,
        MailModule,
        JobsModule,
        NotificationsModule,
        MaterialsModule,
        SmsModule,
        OcrModule,
        PrincipalsModule,
        AuditModule,
        CalendarModule,
        ReviewModule,
        InsightsModule,
        RegulatorModule,
        ResourcesModule,
        PublicSecurityModule,
        DeadLettersModule,
        ContactChannelsModule,
      ],
    };
  }
}
