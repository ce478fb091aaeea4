import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../platform/config/app-config';
import { APP_CONFIG } from '../platform/config/config.module';
import { AccountEntity } from './account.entity';
import { AccountsController } from './accounts.controller';
import { AccountsService } from './accounts.service';
import { RealNameVerifier } from './real-name-verifier.port';
import { SimulatedRealNameVerifier } from './simulated.real-name-verifier';

/** Accounts: the visible account ID, 主账号 / 子账号, and 实名认证 through the RealNameVerifier port. */
@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity])],
  controllers: [AccountsController],
  providers: [
    AccountsService,
    // Embedded default: the simulated real-name service; no real provider is configured yet.
    {
      provide: RealNameVerifier,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): RealNameVerifier => {
        if (config.simulatorsEnabled) return new SimulatedRealNameVerifier();
        throw new Error('No real-name verification service is configured and simulators are disabled');
      },
    },
  ],
  exports: [AccountsService],
})
export class AccountsModule {}
