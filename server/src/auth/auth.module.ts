import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { RecentSessions } from './recent-sessions';
import { RedisConnection } from '../platform/redis/redis.connection';
import { HttpWechatGateway } from './http-wechat.gateway';
import { SessionEntity } from './session.entity';
import { SimulatedWechatGateway } from './simulated-wechat.gateway';
import { UserEntity } from './user.entity';
import { WechatApiClient } from './wechat-api.client';
import { DatabaseWechatTokenStore } from './wechat-token.store';
import { Clock } from '../platform/clock/clock';
import { WechatGateway } from './wechat-gateway.port';
import { MiniProgramCodes } from './mini-program-code.port';
import { QrMiniProgramCodes } from './qr.mini-program-codes';
import { WechatMiniProgramCodes } from './wechat.mini-program-codes';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
  controllers: [AuthController],
  providers: [
    AuthService,
    {
      provide: RecentSessions,
      inject: [APP_CONFIG, RedisConnection],
      useFactory: (config: AppConfig, redis: RedisConnection | null) =>
        new RecentSessions(
          config.sessionCacheMs,
          redis && config.redis ? { client: redis.client, channel: `${config.redis.keyPrefix}sessions:revoked` } : null,
        ),
    },
    { provide: APP_GUARD, useClass: AuthGuard },
    {
      provide: WechatGateway,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): WechatGateway => {
        if (config.wechat) return new HttpWechatGateway(config.wechat);
        if (config.simulatorsEnabled) return new SimulatedWechatGateway();
        throw new Error('WeChat is not configured and simulators are disabled');
      },
    },
    DatabaseWechatTokenStore,
    // One client per process, sharing its access token with the other processes through the database; null without an AppID.
    {
      provide: WechatApiClient,
      inject: [APP_CONFIG, Clock, DatabaseWechatTokenStore],
      useFactory: (config: AppConfig, clock: Clock, store: DatabaseWechatTokenStore): WechatApiClient | null =>
        config.wechat ? new WechatApiClient(config.wechat, clock, store) : null,
    },
    // Mini-program codes (invitations, 扫码继续): WeChat's with an AppID, else a QR code of the H5 link.
    {
      provide: MiniProgramCodes,
      inject: [APP_CONFIG, WechatApiClient],
      useFactory: (config: AppConfig, client: WechatApiClient | null): MiniProgramCodes =>
        client ? new WechatMiniProgramCodes(client, config.wechatMiniprogramState) : new QrMiniProgramCodes(),
    },
  ],
  exports: [AuthService, WechatApiClient, MiniProgramCodes],
})
export class AuthModule {}
