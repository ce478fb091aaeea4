import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { useLargeTextFor } from './columns';
import { DatabaseQueryLogger } from './query-logger';

/** The entity classes; the list lives at the top of the app (app-entities.ts), so the platform imports no feature module. */
export type EntityList = NonNullable<DataSourceOptions['entities']>;

/** Migrations are generated per dialect: `migrations/sqlite` and `migrations/mysql` (MySQL 8 and MariaDB). */
export function migrationsDir(type: DatabaseConfig['type']): string {
  return join(__dirname, 'migrations', type === 'sqlite' ? 'sqlite' : 'mysql');
}

/** `strict`: outside production, a query beside an open transaction fails instead of being logged (DatabaseQueryLogger). */
export function dataSourceOptions(db: DatabaseConfig, entities: EntityList, { strict = false }: { strict?: boolean } = {}): DataSourceOptions {
  useLargeTextFor(db.type);
  const common = {
    entities,
    migrations: [join(migrationsDir(db.type), '*.{js,ts}')],
    migrationsRun: true,
    synchronize: false,
    logger: new DatabaseQueryLogger(strict),
  };
  if (db.type === 'sqlite') {
    mkdirSync(dirname(db.path), { recursive: true });
    return {
      ...common,
      type: 'better-sqlite3',
      database: db.path,
      // WAL lets readers run beside the single writer; the busy timeout covers a second process on the same file.
      prepareDatabase: (conn: { pragma(s: string): unknown }) => {
        conn.pragma('journal_mode = WAL');
        conn.pragma('busy_timeout = 5000');
        conn.pragma('foreign_keys = ON');
      },
    };
  }
  return {
    ...common,
    type: db.type,
    url: db.url,
    charset: 'utf8mb4_unicode_ci',
    timezone: 'Z',
    extra: { connectionLimit: 10 },
  };
}
