import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControllableClock, isAdvanceable, SystemClock } from '../../src/platform/clock/clock';
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

  it('should let tests and demos move the controllable clock, never the system clock', () => {
    const clock = new ControllableClock(new Date('2026-11-20T02:00:00Z'));
    clock.advance(3 * 86_400_000);

    expect(clock.now().toISOString()).toBe('2026-11-23T02:00:00.000Z');
    expect(isAdvanceable(clock)).toBe(true);
    expect(isAdvanceable(new SystemClock())).toBe(false);
  });
});
