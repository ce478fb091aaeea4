import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LoginResponse } from '@beian/shared';
import { ApiTestKit, type ApiAnswer as KitAnswer, type HttpMethod } from '@beian/shared/testing';
import { createApp } from '../../src/app.factory';
import { loadConfig, type AppConfig } from '../../src/platform/config/app-config';
import { ControllableClock } from '../../src/platform/clock/clock';
import { DatabaseService } from '../../src/platform/database/database.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  config: AppConfig;
  clock: ControllableClock;
  database: TestDatabase;
  db: DatabaseService;
  logLines: string[];
  close(): Promise<void>;
}

/**
 * A real server on a loopback port, on the database chosen by TEST_MYSQL_URL (SQLite otherwise). Given `shared`,
 * another process's database: the server joins it and leaves dropping it to the one that made it.
 */
export async function startTestApp(env: Record<string, string> = {}, shared?: TestApp): Promise<TestApp> {
  const database = shared?.database ?? (await createTestDatabase());
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'beian-data-')),
    DATABASE_URL: database.url,
    LOG_LEVEL: 'info',
    H5_DIR: join(tmpdir(), 'beian-no-h5'),
    ...env,
  });
  const clock = new ControllableClock(new Date('2026-11-20T02:00:00Z'));
  const logLines: string[] = [];
  const app = await createApp(config, { clock, logStream: { write: (line) => void logLines.push(line) } });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as { port: number };
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    config,
    clock,
    database,
    db: app.get(DatabaseService),
    logLines,
    close: async () => {
      await app.close();
      if (!shared) await database.drop();
    },
  };
}

/** A fake of an outside system (WeChat, Tencent Cloud, SMTP, S3) that a test app talks to. */
export interface OutsideServer {
  start(): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * The test app of a describe block: started before its first test (`startTestApp(env)`), closed after its last. The
 * object is there at once, its fields from the first hook on; declare it before the hooks that use it. `servers` are
 * started before the app (so `env` may be a function reading their addresses) and stopped after it.
 */
export function useTestApp(env: Record<string, string> | (() => Record<string, string>) = {}, servers: OutsideServer[] = []): TestApp {
  const t = {} as TestApp;
  beforeAll(async () => {
    for (const server of servers) await server.start();
    Object.assign(t, await startTestApp(typeof env === 'function' ? env() : env));
  });
  afterAll(async () => {
    // No close when the start failed: its error is the one to see.
    await t.close?.();
    for (const server of servers) await server.stop();
  });
  return t;
}

/**
 * Two app instances on one database, as two processes behind a load balancer (on MariaDB, two connection pools),
 * sharing the data directory: one field-encryption key, so what one instance sealed the other opens.
 */
export function useTwoTestApps(): { a: TestApp; b: TestApp } {
  const apps = { a: {} as TestApp, b: {} as TestApp };
  beforeAll(async () => {
    Object.assign(apps.a, await startTestApp());
    Object.assign(apps.b, await startTestApp({ DATA_DIR: apps.a.config.dataDir }, apps.a));
  });
  afterAll(async () => {
    await apps.b.close?.();
    await apps.a.close?.();
  });
  return apps;
}

export type ApiAnswer<T = any> = KitAnswer<T>;

/** The JSON client of the server tests, on the shared test kit; bodies default to `any` for the older tests. */
export function api(base: string, token?: string) {
  const kit = new ApiTestKit(base, token);
  const call = <T = any>(method: HttpMethod, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer<T>> =>
    kit.call<T>(method, path, body, headers);
  return {
    get: <T = any>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = any>(path: string, body?: unknown, headers?: Record<string, string>) => call<T>('POST', path, body ?? {}, headers),
    patch: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PATCH', path, body, headers),
    put: <T = any>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
    raw: call,
    /** The typed test kit of every package, on the same server and session (setup steps such as `makeSubmittable`). */
    kit,
  };
}

export async function devLogin(base: string, nickname: string) {
  const res = await api(base).post<LoginResponse>('/api/auth/dev-login', { nickname });
  if (res.status !== 200) throw new Error(`dev login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, user: res.body.user, client: api(base, res.body.token) };
}
