import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OffsetClock, isAdvanceable, SystemClock } from '../../src/platform/clock/clock';
import { ConfigError, loadConfig } from '../../src/platform/config/app-config';

const dataDir = () => mkdtempSync(join(tmpdir(), 'beian-clock-'));
const key = `v1:${Buffer.alloc(32, 2).toString('base64')}`;
const production = { NODE_ENV: 'production', DATABASE_URL: 'mysql://u@h/db', FIELD_ENCRYPTION_KEYS: key, WECHAT_APP_ID: 'wx1', WECHAT_APP_SECRET: 's' };

describe('controllable clock for demos', () => {
  it('should accept CLOCK=controllable by default in development and refuse it in production without simulators', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), CLOCK: 'controllable' }).clock).toBe('controllable');
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...production, CLOCK: 'controllable' })).toThrow(ConfigError);
    expect(loadConfig({ DATA_DIR: dataDir(), ...production, CLOCK: 'controllable', SIMULATORS_ENABLED: 'true' }).clock).toBe('controllable');
  });

  it('should keep time running and add the advanced offset when the offset clock is moved', () => {
    const clock = new OffsetClock();
    const before = Date.now();
    clock.advance(3 * 86_400_000);
    const moved = clock.now().getTime();

    expect(moved - before).toBeGreaterThanOrEqual(3 * 86_400_000);
    expect(moved - Date.now()).toBeLessThanOrEqual(3 * 86_400_000);
    expect(isAdvanceable(clock)).toBe(true);
    expect(isAdvanceable(new SystemClock())).toBe(false);
  });
});
