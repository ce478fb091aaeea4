import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions, type EntityList } from './data-source-options';
import { DatabaseService } from './database.service';
import { MigrationStatus } from './migration-status';

@Global()
@Module({})
export class DatabaseModule {
  /**
   * `runMigrations`: apply pending migrations while connecting (embedded default); production runs `migrate` instead.
   * `strict`: queries beside an open transaction fail (outside production).
   */
  static forRoot(db: DatabaseConfig, entities: EntityList, { runMigrations, strict }: { runMigrations: boolean; strict: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(db, entities, { strict }), migrationsRun: runMigrations, retryAttempts: 0 })],
      providers: [DatabaseService, MigrationStatus],
      exports: [DatabaseService, MigrationStatus],
    };
  }
}
