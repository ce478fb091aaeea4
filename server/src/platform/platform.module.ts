import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { Clock, OffsetClock, SystemClock } from './clock/clock';
import { FieldCipher } from './crypto/field-cipher';
import { DatabaseModule } from './database/database.module';
import { HealthController } from './health/health.controller';
import { IdempotencyService } from './http/idempotency.service';

export interface PlatformOverrides {
  clock?: Clock;
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(config.database)],
      controllers: [HealthController],
      providers: [
        { provide: Clock, useValue: overrides.clock ?? (config.clock === 'controllable' ? new OffsetClock() : new SystemClock()) },
        { provide: FieldCipher, useValue: new FieldCipher(config.fieldEncryptionKeys) },
        IdempotencyService,
      ],
      exports: [Clock, FieldCipher, IdempotencyService],
    };
  }
}
