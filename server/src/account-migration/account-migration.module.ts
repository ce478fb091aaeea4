import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { CancellationsModule } from '../cancellations/cancellations.module';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { AccountMigrationController } from './account-migration.controller';
import { AccountMigrationService } from './account-migration.service';
import { MigrationAllowedGuard } from './migration-allowed.guard';
import { MigrationChecks } from './migration-checks';
import { MigrationMessages } from './migration-messages.effect';

/**
 * 迁移备案账号 up to submission and its guard `migration_allowed`; the record effect (the subject changes owner) is
 * filing-record's; both accounts are told when it is done. Built on the accounts (ID, type, 实名) and on the verification code service of cancellations.
 */
@Module({
  imports: [OrderCoreModule, FilingRecordModule, AccountsModule, CancellationsModule, NotificationsModule],
  controllers: [AccountMigrationController],
  providers: [AccountMigrationService, MigrationChecks, MigrationAllowedGuard, MigrationMessages],
})
export class AccountMigrationModule {}
