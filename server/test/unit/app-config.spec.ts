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
    const config = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://root@127.0.0.1/x',
      FIELD_ENCRYPTION_KEYS: key,
      SIMULATORS_ENABLED: 'true',
    });

    expect(config.devLoginEnabled).toBe(false);
    expect(config.simulatorsEnabled).toBe(true);
    expect(config.database).toEqual({ type: 'mysql', url: 'mysql://root@127.0.0.1/x' });
  });

  it('should pick the mariadb driver for a mariadb:// URL', () => {
    expect(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: 'mariadb://root@127.0.0.1:3306/x' }).database).toEqual({
      type: 'mariadb',
      url: 'mysql://root@127.0.0.1:3306/x',
    });
  });
});

describe('loadConfig: outside-system adapters', () => {
  const tencentKeys = { TENCENTCLOUD_SECRET_ID: 'AKIDexample', TENCENTCLOUD_SECRET_KEY: 'tencent-secret-key' };
  const smsKeys = {
    TENCENT_SMS_SDK_APP_ID: '1400000000',
    TENCENT_SMS_SIGN_NAME: '备案助手',
    TENCENT_SMS_TEMPLATE_ID: '123456',
    TENCENT_SMS_INVITATION_TEMPLATE_ID: '123457',
  };
  const s3Keys = {
    S3_ENDPOINT: 'https://cos.ap-guangzhou.myqcloud.com',
    S3_BUCKET: 'beian-1250000000',
    S3_REGION: 'ap-guangzhou',
    S3_ACCESS_KEY_ID: 'AKIDcos',
    S3_SECRET_ACCESS_KEY: 's3-secret-key',
  };
  const production = {
    NODE_ENV: 'production',
    DATABASE_URL: 'mysql://root@127.0.0.1/x',
    FIELD_ENCRYPTION_KEYS: key,
    WECHAT_APP_ID: 'wx1',
    WECHAT_APP_SECRET: 'wechat-secret',
  };
  const problemsOf = (env: Record<string, string>): string[] => {
    try {
      loadConfig({ DATA_DIR: dataDir(), ...env });
      return [];
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
  };

  it('should choose every embedded default when no adapter is configured', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });

    expect(config.tencentCloud).toBeNull();
    expect(config.sms).toEqual({ provider: 'dev-outbox' });
    expect(config.mail).toEqual({ provider: 'dev-mailbox', from: '备案服务 <noreply@beian.local>' });
    expect(config.ocr).toEqual({ provider: 'none' });
    expect(config.faceVerifier).toEqual({ provider: 'reviewer-confirmed' });
    expect(config.storage).toEqual({ provider: 'local' });
  });

  it('should build the Tencent Cloud sections in the adapters’ shapes when every Tencent adapter is chosen', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), ...tencentKeys, ...smsKeys, SMS_PROVIDER: 'tencent', OCR_PROVIDER: 'tencent', FACE_VERIFIER: 'tencent' });

    expect(config.tencentCloud).toEqual({ secretId: 'AKIDexample', secretKey: 'tencent-secret-key', region: 'ap-guangzhou', endpoint: undefined });
    expect(config.sms).toEqual({
      provider: 'tencent',
      sdkAppId: '1400000000',
      signName: '备案助手',
      verificationTemplateId: '123456',
      invitationTemplateId: '123457',
    });
    expect(config.ocr).toEqual({ provider: 'tencent' });
    expect(config.faceVerifier).toEqual({ provider: 'tencent' });
  });

  it('should take the region and an endpoint with a {service} placeholder when they are set', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      ...tencentKeys,
      TENCENTCLOUD_REGION: 'ap-shanghai',
      TENCENTCLOUD_API_ENDPOINT: 'http://127.0.0.1:9000/{service}',
    });

    expect(config.tencentCloud).toMatchObject({ region: 'ap-shanghai', endpoint: 'http://127.0.0.1:9000/{service}' });
  });

  it('should build the S3 section in the storage adapter’s shape when STORAGE=s3', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), STORAGE: 's3', ...s3Keys });

    expect(config.storage).toEqual({
      provider: 's3',
      endpoint: 'https://cos.ap-guangzhou.myqcloud.com',
      bucket: 'beian-1250000000',
      region: 'ap-guangzhou',
      accessKeyId: 'AKIDcos',
      secretAccessKey: 's3-secret-key',
    });
  });

  it('should refuse the Tencent Cloud key pair when only one half is set', () => {
    expect(problemsOf({ TENCENTCLOUD_SECRET_ID: 'AKIDexample' })).toEqual([
      'TENCENTCLOUD_SECRET_KEY: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY go together',
    ]);
    expect(problemsOf({ TENCENTCLOUD_SECRET_KEY: 'tencent-secret-key' })).toEqual([
      'TENCENTCLOUD_SECRET_KEY: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY go together',
    ]);
  });

  it('should name each adapter when it is set to tencent without the key pair', () => {
    expect(problemsOf({ SMS_PROVIDER: 'tencent', ...smsKeys, OCR_PROVIDER: 'tencent', FACE_VERIFIER: 'tencent', REAL_NAME_VERIFIER: 'tencent' })).toEqual([
      'SMS_PROVIDER: tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY',
      'OCR_PROVIDER: tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY',
      'FACE_VERIFIER: tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY',
      'REAL_NAME_VERIFIER: tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY',
    ]);
  });

  it('should list every missing SMS id when SMS_PROVIDER=tencent has only the key pair', () => {
    expect(problemsOf({ SMS_PROVIDER: 'tencent', ...tencentKeys })).toEqual([
      'TENCENT_SMS_SDK_APP_ID: required when SMS_PROVIDER=tencent',
      'TENCENT_SMS_SIGN_NAME: required when SMS_PROVIDER=tencent',
      'TENCENT_SMS_TEMPLATE_ID: required when SMS_PROVIDER=tencent',
      'TENCENT_SMS_INVITATION_TEMPLATE_ID: required when SMS_PROVIDER=tencent',
    ]);
  });

  it('should list every missing S3 key when STORAGE=s3 has none', () => {
    expect(problemsOf({ STORAGE: 's3' })).toEqual(Object.keys(s3Keys).map((name) => `${name}: required when STORAGE=s3`));
  });

  it('should refuse unknown providers, non-numeric SMS ids and endpoints that are not URLs when they are set', () => {
    const problems = problemsOf({
      SMS_PROVIDER: 'aliyun',
      OCR_PROVIDER: 'baidu',
      FACE_VERIFIER: 'none',
      STORAGE: 'oss',
      TENCENT_SMS_SDK_APP_ID: 'app',
      TENCENT_SMS_TEMPLATE_ID: 'SMS_123',
      TENCENTCLOUD_API_ENDPOINT: '{service}.example',
      S3_ENDPOINT: 'cos.ap-guangzhou.myqcloud.com',
    });

    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'TENCENTCLOUD_API_ENDPOINT',
      'SMS_PROVIDER',
      'TENCENT_SMS_SDK_APP_ID',
      'TENCENT_SMS_TEMPLATE_ID',
      'OCR_PROVIDER',
      'FACE_VERIFIER',
      'STORAGE',
      'S3_ENDPOINT',
    ]);
  });

  it('should refuse the dev SMS outbox, the dev mailbox and the reviewer-confirmed face check in production when simulators are not enabled', () => {
    expect(problemsOf(production)).toEqual([
      'SMS_PROVIDER: tencent required in production unless SIMULATORS_ENABLED=true (the dev outbox sends nothing)',
      'MAIL_PROVIDER: smtp required in production unless SIMULATORS_ENABLED=true (the dev mailbox sends nothing)',
      'FACE_VERIFIER: tencent required in production unless SIMULATORS_ENABLED=true',
      'REAL_NAME_VERIFIER: tencent required in production unless SIMULATORS_ENABLED=true (the simulated service verifies no one)',
    ]);
    expect(problemsOf({ ...production, SIMULATORS_ENABLED: 'true' })).toEqual([]);
  });

  it('should accept production with Tencent SMS, SMTP mail and FaceID when simulators are off', () => {
    const config = loadConfig({
      DATA_DIR: dataDir(),
      ...production,
      ...tencentKeys,
      ...smsKeys,
      SMS_PROVIDER: 'tencent',
      FACE_VERIFIER: 'tencent',
      REAL_NAME_VERIFIER: 'tencent',
      MAIL_PROVIDER: 'smtp',
      SMTP_URL: 'smtps://beian:secret@smtp.example.com:465',
    });

    expect(config.simulatorsEnabled).toBe(false);
    expect(config.sms.provider).toBe('tencent');
    expect(config.mail).toEqual({ provider: 'smtp', url: 'smtps://beian:secret@smtp.example.com:465', from: '备案服务 <noreply@beian.local>' });
    expect(config.faceVerifier.provider).toBe('tencent');
    expect(config.realNameVerifier.provider).toBe('tencent');
    expect(config.storage.provider).toBe('local');
    expect(config.ocr.provider).toBe('none');
  });

  it('should name the variables but never print a secret when listing problems', () => {
    let message = '';
    try {
      loadConfig({ DATA_DIR: dataDir(), TENCENTCLOUD_SECRET_KEY: 'tencent-secret-key', STORAGE: 's3', S3_SECRET_ACCESS_KEY: 's3-secret-key' });
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toContain('TENCENTCLOUD_SECRET_KEY');
    expect(message).not.toContain('tencent-secret-key');
    expect(message).not.toContain('s3-secret-key');
  });
  it('should run migrations at boot on the embedded default but not in production unless asked', () => {
    const prod = {
      NODE_ENV: 'production',
      DATA_DIR: dataDir(),
      DATABASE_URL: 'mysql://root@127.0.0.1/x',
      FIELD_ENCRYPTION_KEYS: key,
      SIMULATORS_ENABLED: 'true',
    };

    expect(loadConfig({ DATA_DIR: dataDir() }).migrationsRunAtBoot).toBe(true);
    expect(loadConfig(prod).migrationsRunAtBoot).toBe(false);
    expect(loadConfig({ ...prod, MIGRATIONS_RUN_AT_BOOT: 'true' }).migrationsRunAtBoot).toBe(true);
  });

  it('should take the shutdown delay and grace period and refuse a delay as long as the grace period', () => {
    expect(loadConfig({ DATA_DIR: dataDir() }).shutdown).toEqual({ delayMs: 0, graceMs: 25_000 });
    expect(loadConfig({ DATA_DIR: dataDir(), SHUTDOWN_DELAY_MS: '5000', SHUTDOWN_GRACE_MS: '30000' }).shutdown).toEqual({ delayMs: 5000, graceMs: 30_000 });
    expect(() => loadConfig({ DATA_DIR: dataDir(), SHUTDOWN_DELAY_MS: '5000', SHUTDOWN_GRACE_MS: '5000' })).toThrow(
      /SHUTDOWN_DELAY_MS: must be shorter than SHUTDOWN_GRACE_MS/,
    );
  });

  it('should count rate limits in memory on SQLite, in the database on MySQL, and in Redis once REDIS_URL is set', () => {
    const store = (env: Record<string, string>) => {
      const config = loadConfig({ DATA_DIR: dataDir(), ...env });
      return [config.rateLimitStore, config.redis];
    };

    expect(store({})).toEqual(['memory', null]);
    expect(store({ DATABASE_URL: 'mariadb://u@h/db' })).toEqual(['database', null]);
    expect(store({ DATABASE_URL: 'mariadb://u@h/db', REDIS_URL: 'redis://h:6379' })).toEqual(['redis', { url: 'redis://h:6379', keyPrefix: 'beian:' }]);
    expect(store({ RATE_LIMIT_STORE: 'database', REDIS_URL: 'rediss://:p@h:6380/2', REDIS_KEY_PREFIX: 'demo:' })).toEqual([
      'database',
      { url: 'rediss://:p@h:6380/2', keyPrefix: 'demo:' },
    ]);
  });

  it('should refuse the Redis store without REDIS_URL, and a REDIS_URL that is not redis:// or rediss://', () => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), RATE_LIMIT_STORE: 'redis' })).toThrow(/REDIS_URL: required when RATE_LIMIT_STORE=redis/);
    expect(() => loadConfig({ DATA_DIR: dataDir(), REDIS_URL: 'http://h:6379' })).toThrow(/REDIS_URL: must start with redis:\/\/ or rediss:\/\//);
  });
});
