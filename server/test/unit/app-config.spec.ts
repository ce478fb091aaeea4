import { ConfigError, loadConfig } from '../../src/platform/config/app-config';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dataDir = () => mkdtempSync(join(tmpdir(), 'beian-config-'));
const key = `v1:${Buffer.alloc(32, 1).toString('base64')}`;

describe('loadConfig', () => {
  it('should default to SQLite under the data folder with dev login and simulators when nothing is set', () => {
    const dir = dataDir();
    const config = loadConfig({ DATA_DIR: dir });

    expect(config.database).toEqual({ type: 'sqlite', path: join(dir, 'beian.sqlite') });
    expect(config.devLoginEnabled).toBe(true);
    expect(config.simulatorsEnabled).toBe(true);
    expect(config.fieldEncryptionKeys).toHaveLength(1);
  });

  it('should keep the generated field key across restarts when it is the embedded default', () => {
    const dir = dataDir();

    expect(loadConfig({ DATA_DIR: dir }).fieldEncryptionKeys[0]!.key).toEqual(loadConfig({ DATA_DIR: dir }).fieldEncryptionKeys[0]!.key);
  });

  it('should list every problem when variables are wrong', () => {
    let error: unknown;
    try {
      loadConfig({ DATA_DIR: dataDir(), PORT: 'eighty', DATABASE_URL: 'postgres://x', WECHAT_APP_ID: 'wx1' });
    } catch (e) {
      error = e;
    }

    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL/);
    expect(problems).toMatch(/WECHAT_APP_SECRET/);
  });

  it('should refuse production without a database, keys and WeChat when simulators are not enabled', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir() })).toThrow(/DATABASE_URL[\s\S]*FIELD_ENCRYPTION_KEYS[\s\S]*WECHAT_APP_ID/);
  });

  it('should turn dev login and simulators off in production unless enabled', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATA_DIR: dataDir(), DATABASE_URL: 'mysql://root@127.0.0.1/x', FIELD_ENCRYPTION_KEYS: key, SIMULATORS_ENABLED: 'true' });

    expect(config.devLoginEnabled).toBe(false);
    expect(config.simulatorsEnabled).toBe(true);
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://root@127.0.0.1/x' });
  });

  it('should pick the mariadb driver for a mariadb:// URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mariadb://root@127.0.0.1:3306/x' }).database).toEqual({ type: 'mariadb', url: 'mysql://root@127.0.0.1:3306/x' });
  });
});
