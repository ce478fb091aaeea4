import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/platform/config/app-config';
import { APP_ENTITIES } from '../../src/app-entities';
import { dataSourceOptions } from '../../src/platform/database/data-source-options';

const DIST_MAIN = join(__dirname, '../../dist/main.js');

/** A built server (server/dist/main.js) running as its own process. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: string[];
  /** Ends the process with SIGKILL: no shutdown hook runs, as when the machine loses power. */
  kill(): Promise<void>;
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

export function assertServerBuilt(): void {
  if (!existsSync(DIST_MAIN)) {
    throw new Error(
      `${DIST_MAIN} is missing: build it first with \`pnpm --filter @beian/shared build && pnpm --filter @beian/server build\` (scripts/test.sh does)`,
    );
  }
}

/** The environment every process of one test shares: same database, same files, same encryption keys. */
export function sharedEnvironment(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'beian-proc-')),
    H5_DIR: join(tmpdir(), 'beian-no-h5'),
    FIELD_ENCRYPTION_KEYS: `v1:${randomBytes(32).toString('base64')}`,
    LOG_LEVEL: 'warn',
    WORKER_POLL_MS: '25',
    ...extra,
  };
}

export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  assertServerBuilt();
  const child = spawn(process.execPath, [DIST_MAIN], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), ...env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    // A guard against a hang on a machine shared with other test runs, not a speed.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within 60 s:\n${output.join('')}`));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString('utf8'));
      const started = /Beian is running at (http:\/\/[\d.:]+)/.exec(output.join(''));
      if (started) {
        clearTimeout(timer);
        resolve(started[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${output.join('')}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return { url, child, output, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

/** A connection of the test's own to the servers' database, to check what they committed (no migrations run). */
export async function inspectDatabase(databaseUrl: string): Promise<DataSource> {
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, DATA_DIR: mkdtempSync(join(tmpdir(), 'beian-inspect-')) });
  const dataSource = new DataSource({ ...dataSourceOptions(config.database, APP_ENTITIES), migrationsRun: false, logging: false });
  return dataSource.initialize();
}

/** Polls `check` until it answers true. */
export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
