import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot } from './browser';
import { createE2eDatabase, type E2eDatabase } from './database';
import { startServer, type ServerProcess } from './server-process';

/** The simulators on, a clock the test moves, workers polling often: what a journey past submission needs. */
export const SIMULATED_WORLD: Record<string, string> = { CLOCK: 'controllable', SIMULATORS_ENABLED: 'true', WORKER_POLL_MS: '200' };

export interface Stage {
  readonly server: ServerProcess;
  readonly browser: Browser;
  /** Stops the server and starts it again on the same data (its database and data folder), as a redeployment does. */
  restart(): Promise<void>;
  /** A screenshot named for the database (MariaDB ones end in `-mariadb`). */
  shot(page: Page, name: string): Promise<string>;
}

/**
 * For one `describe.each(e2eDatabases())` block: its own database, a server on it started with `env`, and Chromium,
 * set up before the block's tests and taken down after them.
 */
export function onStage(databaseName: E2eDatabase['name'], env: Record<string, string> = SIMULATED_WORLD): Stage {
  let database: E2eDatabase | undefined;
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;

  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the stage's ${what} is not up yet: use it inside a test or a later hook`);
    return value;
  };
  const serverEnv = (): Record<string, string> => ({ ...env, ...ready(database, 'database').env });

  beforeAll(async () => {
    database = await createE2eDatabase(databaseName);
    [server, browser] = await Promise.all([startServer(serverEnv()), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await database?.drop();
  });

  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    async restart() {
      const stopped = ready(server, 'server');
      await stopped.stop();
      server = await startServer({ ...serverEnv(), DATA_DIR: stopped.dataDir });
    },
    shot: (page, name) => screenshot(page, databaseName === 'sqlite' ? name : `${name}-mariadb`),
  };
}
