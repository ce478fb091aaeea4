import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';

export interface E2eDatabase {
  name: 'sqlite' | 'mariadb';
  /** Extra server environment: empty for SQLite (the server's own file under its data folder). */
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function admin<T>(work: (conn: mysql.Connection) => Promise<T>): Promise<T> {
  const url = new URL(process.env.TEST_MYSQL_URL!);
  const conn = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
  });
  try {
    return await work(conn);
  } finally {
    await conn.end();
  }
}

/** The databases a browser test runs on: SQLite, and MariaDB/MySQL too when TEST_MYSQL_URL is set (scripts/test.sh sets it). */
export function e2eDatabases(): E2eDatabase['name'][] {
  return process.env.TEST_MYSQL_URL ? ['sqlite', 'mariadb'] : ['sqlite'];
}

export async function createE2eDatabase(name: E2eDatabase['name']): Promise<E2eDatabase> {
  if (name === 'sqlite') return { name, env: {}, drop: async () => undefined };
  const db = `beian_e2e_${randomBytes(6).toString('hex')}`;
  await admin((conn) => conn.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`));
  const url = new URL(process.env.TEST_MYSQL_URL!);
  url.pathname = `/${db}`;
  return {
    name,
    env: { DATABASE_URL: url.toString().replace(/^mysql:/, 'mariadb:') },
    drop: () => admin((conn) => conn.query(`DROP DATABASE IF EXISTS \`${db}\``)).then(() => undefined),
  };
}
