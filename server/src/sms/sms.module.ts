import { Module } from '@nestjs/common';
import { DevOutboxSmsSender } from './dev-outbox.sms-sender';
import { SmsSender } from './sms-sender.port';
import { SmsController } from './sms.controller';
import { SmsService } from './sms.service';

/**
 * SMS codes for mobile verification. The embedded default sender writes to the dev outbox; the Tencent Cloud
 * adapter (TencentSmsSender) takes over once its credentials are configured.
 */
@Module({
  controllers: [SmsController],
  providers: [{ provide: SmsSender, useClass: DevOutboxSmsSender }, SmsService],
  exports: [SmsService],
})
export class SmsModule {}
