import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { JobsModule } from './jobs/jobs.module';
import { NotificationsModule } from './notifications/notifications.module';
import { OrdersModule } from './orders/orders.module';
import type { AppConfig } from './platform/config/app-config';
import { PlatformModule, type PlatformOverrides } from './platform/platform.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, overrides: PlatformOverrides = {}): DynamicModule {
    return { module: AppModule, imports: [PlatformModule.forRoot(config, overrides), AuthModule, OrdersModule, JobsModule, NotificationsModule] };
  }
}
