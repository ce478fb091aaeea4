#!/usr/bin/env node
/**
 * Generates a migration per dialect from the entities (after `pnpm build`):
 *   node scripts/generate-migration.js AddSomething
 * SQLite runs in memory; MySQL/MariaDB uses MIGRATION_DATABASE_URL (default: a scratch database on 127.0.0.1).
 * Each dialect first runs its existing migrations, then writes only the difference to the entities.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { DataSource } = require('typeorm');
const mysql = require('mysql2/promise');
const { dataSourceOptions, migrationsDir } = require('../dist/platform/database/data-source-options');
const { APP_ENTITIES } = require('../dist/app-entities');

const name = process.argv[2];
if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
  console.error('usage: generate-migration.js PascalCaseName');
  process.exit(2);
}
const scratchUrl = process.env.MIGRATION_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/beian_migration_scratch';

async function generate(db) {
  const sourceDir = migrationsDir(db.type).replace(`${join('dist')}`, 'src');
  const ds = new DataSource({ ...dataSourceOptions(db, APP_ENTITIES), migrations: [join(migrationsDir(db.type), '*.js')], migrationsRun: false });
  await ds.initialize();
  await ds.runMigrations();
  const sql = await ds.driver.createSchemaBuilder().log();
  await ds.destroy();
  if (sql.upQueries.length === 0) return console.log(`${db.type}: entities match the migrations`);
  const stamp = Date.now();
  const q = (s) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const up = sql.upQueries.map((x) => `    await queryRunner.query(${q(x.query)});`).join('\n');
  const down = sql.downQueries
    .reverse()
    .map((x) => `    await queryRunner.query(${q(x.query)});`)
    .join('\n');
  const file = join(sourceDir, `${stamp}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
      `export class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n` +
      `  async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n` +
      `  async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
  );
  console.log(`wrote ${file}`);
}

(async () => {
  await generate({ type: 'sqlite', path: ':memory:' });
  const url = new URL(scratchUrl);
  const dbName = url.pathname.slice(1);
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: url.username, password: url.password });
  await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
  await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  await generate({ type: 'mariadb', url: scratchUrl });
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
