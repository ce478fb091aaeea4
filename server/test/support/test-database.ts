import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

/**
 * Each test file gets its own empty database: a temporary SQLite file, or (when TEST_MYSQL_URL is set, e.g.
 * `mysql://root@127.0.0.1:3306`) a fresh database on that MySQL/MariaDB server, dropped afterwards.
 */
export interface TestDatabase {
  url: string;
  kind: 'sqlite' | 'mysql';
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const server = process.env.TEST_MYSQL_URL;
  if (!server) {
    const dir = mkdtempSync(join(tmpdir(), 'beian-test-'));
    return { url: `sqlite:${join(dir, 'test.sqlite')}`, kind: 'sqlite', drop: async () => undefined };
  }
  const base = new URL(server);
  const name = `beian_t_${randomBytes(6).toString('hex')}`;
  const admin = await mysql.createConnection({
    host: base.hostname,
    port: Number(base.port || 3306),
    user: decodeURIComponent(base.username),
    password: decodeURIComponent(base.password),
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString().replace(/^mysql:/, process.env.TEST_MYSQL_KIND === 'mysql' ? 'mysql:' : 'mariadb:'),
    kind: 'mysql',
    drop: async () => {
      const conn = await mysql.createConnection({
        host: base.hostname,
        port: Number(base.port || 3306),
        user: decodeURIComponent(base.username),
        password: decodeURIComponent(base.password),
      });
      await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await conn.end();
    },
  };
}
