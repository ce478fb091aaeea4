import { Module } from '@nestjs/common';
import { FilingRecordModule } from '../filing-record/filing-record.module';
import { MailModule } from '../mail/mail.module';
import { OrderCoreModule } from '../order-core/order-core.module';
import { SmsModule } from '../sms/sms.module';
import { CancellationConfirmedCheck } from './cancellation-confirmed.check';
import { CancellationFlowService } from './cancellation-flow.service';
import { CancellationOptionsService } from './cancellation-options.service';
import { CancellationsController } from './cancellations.controller';
import { VerificationCodes } from './verification-codes.service';

/**
 * 注销主体 / 注销服务 / 批量注销服务 / 取消接入 / 批量取消接入 up to submission (the record effect is filing-record's),
 * with the verification code by SMS or e-mail that confirms them.
 */
@Module({
  imports: [OrderCoreModule, FilingRecordModule, SmsModule, MailModule],
  controllers: [CancellationsController],
  providers: [VerificationCodes, CancellationOptionsService, CancellationFlowService, CancellationConfirmedCheck],
  exports: [VerificationCodes],
})
export class CancellationsModule {}
