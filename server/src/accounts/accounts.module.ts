import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { requireTencentCloud, TencentCloudApiClient } from '../platform/tencent-cloud/tencent-cloud-api.client';
import { AccountEntity } from './account.entity';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { RealNameVerifier } from './real-name-verifier.port';
import { SimulatedRealNameVerifier } from './simulated.real-name-verifier';
import { TencentRealNameVerifier } from './tencent.real-name-verifier';

/** Accounts: the visible account ID, 主账号 / 子账号, and 实名认证 through the RealNameVerifier port. */
@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity])],
  controllers: [AccountsController],
  providers: [
    AccountsService,
    // Embedded default: the simulated real-name service (refused in production without simulators, see the config).
    {
      provide: RealNameVerifier,
      inject: [APP_CONFIG, TencentCloudApiClient],
      useFactory: (config: AppConfig, tencentCloud: TencentCloudApiClient | null): RealNameVerifier =>
        config.realNameVerifier.provider === 'tencent'
          ? new TencentRealNameVerifier(requireTencentCloud(tencentCloud, 'REAL_NAME_VERIFIER'))
          : new SimulatedRealNameVerifier(),
    },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
