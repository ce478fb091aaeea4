import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { AppLifecycle } from '../../src/platform/lifecycle/app-lifecycle';
import { assertServerBuilt } from '../resilience/server-process';
import { api, useTestApp } from '../support/test-app';

const MIGRATE = join(__dirname, '../../dist/migrate.js');

describe('health: live and ready', () => {
  describe('on a migrated database', () => {
    const t = useTestApp();

    it('should answer live without asking the database and ready once the database is reachable and migrated', async () => {
      expect(await api(t.url).get('/api/health/live')).toEqual({ status: 200, body: { status: 'ok' } });
      expect(await api(t.url).get('/api/health/ready')).toEqual({
        status: 200,
        body: { status: 'ready', database: 'ok', pendingMigrations: [], draining: false },
      });
      expect((await api(t.url).get('/api/health')).status).toBe(200);
    });

    it('should turn ready to 503 while the process drains and keep live at 200', async () => {
      t.app.get(AppLifecycle).startDraining();

      expect(await api(t.url).get('/api/health/ready')).toEqual({
        status: 503,
        body: { status: 'unavailable', database: 'ok', pendingMigrations: [], draining: true },
      });
      expect((await api(t.url).get('/api/health/live')).status).toBe(200);
    });

    it('should answer ready 503 once the database is gone', async () => {
      await t.db.dataSource.destroy();

      const res = await api(t.url).get('/api/health/ready');

      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ status: 'unavailable', database: 'unreachable' });
      expect((await api(t.url).get('/api/health/live')).status).toBe(200);
      await t.db.dataSource.initialize();
    });
  });

  describe('without migrations at boot (production shape)', () => {
    beforeAll(() => assertServerBuilt());
    const t = useTestApp({ MIGRATIONS_RUN_AT_BOOT: 'false' });

    it('should stay unready until the migrate command ran, then be ready', async () => {
      const before = await api(t.url).get('/api/health/ready');
      expect(before.status).toBe(503);
      expect(before.body.pendingMigrations.length).toBe(t.db.dataSource.migrations.length);
      expect(before.body.pendingMigrations.length).toBeGreaterThan(0);
      expect((await api(t.url).get('/api/health/live')).status).toBe(200);

      const run = await promisify(execFile)(process.execPath, [MIGRATE], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: t.database.url, DATA_DIR: t.config.dataDir },
      });
      expect(run.stdout).toMatch(new RegExp(`applied ${t.db.dataSource.migrations.length} migration`));

      expect(await api(t.url).get('/api/health/ready')).toEqual({
        status: 200,
        body: { status: 'ready', database: 'ok', pendingMigrations: [], draining: false },
      });
      const again = await promisify(execFile)(process.execPath, [MIGRATE], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', DATABASE_URL: t.database.url, DATA_DIR: t.config.dataDir },
      });
      expect(again.stdout).toMatch(/no pending migrations/);
    });
  });
});
