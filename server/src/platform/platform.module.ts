import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { Clock, SystemClock } from './clock/clock';
import { SharedOffsetClock } from './clock/shared-offset.clock';
import { FieldCipher } from './crypto/field-cipher';
import type { EntityList } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { DatabaseService } from './database/database.service';
import { HealthController } from './health/health.controller';
import { AppLifecycle } from './lifecycle/app-lifecycle';
import { MetricsService } from './metrics/metrics.service';
import { IdempotencyService } from './http/idempotency.service';
import { DatabaseRateLimitCounters } from './http/database.rate-limit-counters';
import { MemoryRateLimitCounters } from './http/memory.rate-limit-counters';
import { PublicOrigin } from './http/public-origin';
import { RateLimitCounters } from './http/rate-limit-counters.port';
import { RateLimiter } from './http/rate-limiter';
import { RedisRateLimitCounters } from './http/redis.rate-limit-counters';
import { RedisConnection } from './redis/redis.connection';
import { TencentCloudApiClient } from './tencent-cloud/tencent-cloud-api.client';

export interface PlatformOverrides {
  clock?: Clock;
}

@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig, entities: EntityList, overrides: PlatformOverrides = {}): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(config.database, entities, { runMigrations: config.migrationsRunAtBoot, strict: config.env !== 'production' }),
      ],
      controllers: [HealthController],
      providers: [
        {
          provide: Clock,
          useFactory: (db: DatabaseService) => overrides.clock ?? (config.clock === 'controllable' ? new SharedOffsetClock(db) : new SystemClock()),
          inject: [DatabaseService],
        },
        { provide: RedisConnection, useFactory: () => (config.redis ? RedisConnection.open(config.redis.url) : null) },
        {
          provide: RateLimitCounters,
          useFactory: (db: DatabaseService, redis: RedisConnection | null) => rateLimitCounters(config, db, redis),
          inject: [DatabaseService, RedisConnection],
        },
        { provide: FieldCipher, useValue: new FieldCipher(config.fieldEncryptionKeys, config.fieldIndexKey) },
        IdempotencyService,
        RateLimiter,
        PublicOrigin,
        AppLifecycle,
        MetricsService,
        // One client for the SMS, OCR and FaceID adapters; null without a key pair. Signed with real time, not the app clock.
        { provide: TencentCloudApiClient, useValue: config.tencentCloud ? new TencentCloudApiClient(config.tencentCloud, () => new Date()) : null },
      ],
      exports: [Clock, FieldCipher, IdempotencyService, RateLimiter, RedisConnection, PublicOrigin, AppLifecycle, MetricsService, TencentCloudApiClient],
    };
  }
}

function rateLimitCounters(config: AppConfig, db: DatabaseService, redis: RedisConnection | null): RateLimitCounters {
  if (config.rateLimitStore === 'redis') return new RedisRateLimitCounters(redis!.client, config.redis!.keyPrefix);
  return config.rateLimitStore === 'database' ? new DatabaseRateLimitCounters(db) : new MemoryRateLimitCounters();
}
