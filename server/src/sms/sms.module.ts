import { Module } from '@nestjs/common';
import { OrderCoreModule } from '../order-core/order-core.module';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { requireTencentCloud, TencentCloudApiClient } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { DevOutboxSmsSender } from './dev-outbox.sms-sender';
import { SmsSender } from './sms-sender.port';
import { SmsController } from './sms.controller';
import { SmsService } from './sms.service';
import { TencentSmsSender } from './tencent.sms-sender';
import { PrincipalMobilesQuery } from './principal-mobiles.query';
import { VerifiedMobilesCheck } from './verified-mobiles.check';

/**
 * SMS codes for mobile verification. `SMS_PROVIDER=dev-outbox` (embedded default, refused in production without
 * simulators) keeps the messages in the dev outbox; `SMS_PROVIDER=tencent` sends them with Tencent Cloud SMS.
 */
@Module({
  imports: [OrderCoreModule],
  controllers: [SmsController],
  providers: [
    DevOutboxSmsSender,
    {
      provide: SmsSender,
      inject: [APP_CONFIG, TencentCloudApiClient, DevOutboxSmsSender],
      useFactory: (config: AppConfig, tencentCloud: TencentCloudApiClient | null, devOutbox: DevOutboxSmsSender): SmsSender =>
        config.sms.provider === 'tencent' ? new TencentSmsSender(requireTencentCloud(tencentCloud, 'SMS_PROVIDER'), config.sms) : devOutbox,
    },
    SmsService,
    VerifiedMobilesCheck,
    PrincipalMobilesQuery,
  ],
  exports: [SmsService, SmsSender, PrincipalMobilesQuery],
})
export class SmsModule {}
