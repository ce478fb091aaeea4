import { Global, Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { dataSourceOptions, type EntityList } from './data-source-options';
import { DatabaseService } from './database.service';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(db: DatabaseConfig, entities: EntityList): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...dataSourceOptions(db, entities), retryAttempts: 0 })],
      providers: [DatabaseService],
      exports: [DatabaseService],
    };
  }
}
