import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from './platform/config/app-config';
import { APP_ENTITIES } from './app-entities';
import { dataSourceOptions } from './platform/database/data-source-options';

/**
 * Applies pending migrations and exits: `node dist/migrate.js` (or `pnpm --filter @beian/server migrate`). Run once
 * per release before the new version takes traffic (the compose one-shot, the Kubernetes Job); replicas started
 * with NODE_ENV=production do not migrate at boot. Each migration runs in its own transaction; two runs at once are
 * safe on MySQL/MariaDB only as far as the migrations are (run one).
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const dataSource = new DataSource({ ...dataSourceOptions(config.database, APP_ENTITIES), migrationsRun: false, logging: ['error'] });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const total = dataSource.migrations.length;
    console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations');
    console.log(`database ${config.database.type}: ${total} migration(s), all applied`);
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
