import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG } from '../platform/config/config.module';
import type { AppConfig } from '../platform/config/app-config';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { HttpWechatGateway } from './http-wechat.gateway';
import { SessionEntity } from './session.entity';
import { SimulatedWechatGateway } from './simulated-wechat.gateway';
import { UserEntity } from './user.entity';
import { WechatGateway } from './wechat-gateway.port';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity])],
  controllers: [AuthController],
  providers: [
    AuthService,
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
  ],
  exports: [AuthService],
})
export class AuthModule {}
