import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isProgressMessageType } from '@beian/shared';
import { ENV_SCHEMA, crossFieldProblems } from './environment.schema';
import type { TencentCloudCredentials } from '../tencent-cloud/tencent-cloud-api.client';

const TEMPLATE_FIELDS = ['title', 'status', 'body', 'time', 'orderId'] as const;
export type SubscribeTemplateField = (typeof TEMPLATE_FIELDS)[number];

const SUBSCRIBE_TEMPLATES_SCHEMA = z.record(
  z.string(),
  z.object({ templateId: z.string().min(1), data: z.record(z.string().regex(/^[a-z_]+\d+$/), z.enum(TEMPLATE_FIELDS)) }),
);

/** A WeChat subscribe-message template: its id and which of our fields fills each of its keys (`thing1` …). */
export interface SubscribeTemplate {
  templateId: string;
  data: Record<string, SubscribeTemplateField>;
}

export interface WorkerConfig {
  pollIntervalMs: number;
  batchSize: number;
  /** The outbox worker's batch size (batchSize is the job runner's). */
  outboxBatchSize: number;
  batchesInFlight: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  leaseMs: number;
}

/** An S3-compatible bucket: Tencent COS (`https://cos.<region>.myqcloud.com`), AWS S3, MinIO … */
export interface S3StorageConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface TencentSmsConfig {
  sdkAppId: string;
  signName: string;
  /** An approved template with two parameters: {1} the code, {2} the minutes. */
  verificationTemplateId: string;
  /** An approved template with four parameters: {1} the subject, {2} the principal's role, {3} the hours, {4} the link. */
  invitationTemplateId: string;
  /** An approved template for progress notices with one parameter: {1} the message title; absent: no notices by SMS. */
  noticeTemplateId?: string;
}

export type SmsConfig = { provider: 'dev-outbox' } | ({ provider: 'tencent' } & TencentSmsConfig);
export type MailConfig = { provider: 'dev-mailbox'; from: string } | { provider: 'smtp'; url: string; from: string };
export type StorageConfig = { provider: 'local' } | ({ provider: 's3' } & S3StorageConfig);

/** Each limit: at most `limit` requests per `windowSeconds`; see RATE_LIMIT_* in the environment schema. */
export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export interface RateLimitsConfig {
  requests: RateLimit;
  logins: RateLimit;
  sms: RateLimit;
  smsGlobal: RateLimit;
  uploads: RateLimit;
  draftSaves: RateLimit;
  footerChecks: RateLimit;
}

export type DatabaseConfig = { type: 'sqlite'; path: string } | { type: 'mysql' | 'mariadb'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string | null;
  database: DatabaseConfig;
  fieldEncryptionKeys: { version: string; key: Buffer }[];
  /** FIELD_INDEX_KEY; null: derived from the first field key. */
  fieldIndexKey: Buffer | null;
  sessionTtlMs: number;
  /** How long a process trusts a session it read (SESSION_CACHE_SECONDS); 0: every request reads it. */
  sessionCacheMs: number;
  bodyLimitBytes: number;
  wechat: { appId: string; appSecret: string; apiBase: string } | null;
  /** Keyed by progress message type; a type without a template goes to the message centre only. */
  wechatTemplates: Record<string, SubscribeTemplate>;
  wechatMiniprogramState: 'developer' | 'trial' | 'formal';
  workers: WorkerConfig;
  /** Pending migrations are applied at start (embedded default); in production a separate `migrate` run does it. */
  migrationsRunAtBoot: boolean;
  shutdown: { delayMs: number; graceMs: number };
  metricsEnabled: boolean;
  trustProxy: boolean;
  /** PUBLIC_ORIGIN: the address in links we send; null takes the request's own. */
  publicOrigin: string | null;
  /** null: no rate limits (the default under NODE_ENV=test). */
  rateLimits: RateLimitsConfig | null;
  rateLimitStore: 'memory' | 'database' | 'redis';
  /** null without REDIS_URL. */
  redis: { url: string; keyPrefix: string } | null;
  devLoginEnabled: boolean;
  simulatorsEnabled: boolean;
  apiDocsEnabled: boolean;
  logLevel: string;
  devReviewerPrefixes: string[];
  devAdminPrefixes: string[];
  clock: 'system' | 'controllable';
  regulatorSim: { seed: string; resultDelayMs: number };
  accessLinkTtlMs: number;
  /** Shared by every adapter set to `tencent`; null without a key pair. */
  tencentCloud: TencentCloudCredentials | null;
  sms: SmsConfig;
  mail: MailConfig;
  ocr: { provider: 'none' | 'tencent' };
  faceVerifier: { provider: 'reviewer-confirmed' | 'tencent' };
  realNameVerifier: { provider: 'simulated' | 'tencent' };
  storage: StorageConfig;
  siteFetch: { allowLoopback: boolean };
  pdfCjkFont: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and validates the environment once; nothing else reads process.env. */
/** For the command-line entry points: the configuration, or the list of every problem and exit code 78 (EX_CONFIG). */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(78);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ENV_SCHEMA.safeParse(env);
  const problems = [...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)), ...crossFieldProblems(env)];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const keys = parseKeys(e.FIELD_ENCRYPTION_KEYS ?? devKeyFile(dataDir));
  const isProd = e.NODE_ENV === 'production';
  const database = parseDatabase(e.DATABASE_URL, dataDir);
  const wechat = e.WECHAT_APP_ID && e.WECHAT_APP_SECRET ? { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE } : null;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    h5Dir: e.H5_DIR ? resolve(e.H5_DIR) : null,
    database,
    fieldEncryptionKeys: keys,
    fieldIndexKey: e.FIELD_INDEX_KEY ? parseIndexKey(e.FIELD_INDEX_KEY) : null,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    sessionCacheMs: e.SESSION_CACHE_SECONDS * 1000,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    wechat,
    wechatTemplates: parseTemplates(e.WECHAT_SUBSCRIBE_TEMPLATES),
    wechatMiniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    workers: {
      pollIntervalMs: e.WORKER_POLL_MS ?? (e.NODE_ENV === 'test' ? 0 : 1000),
      batchSize: e.WORKER_BATCH_SIZE,
      outboxBatchSize: e.OUTBOX_BATCH_SIZE,
      batchesInFlight: e.WORKER_BATCHES_IN_FLIGHT,
      maxAttempts: e.WORKER_MAX_ATTEMPTS,
      retryBaseMs: e.WORKER_RETRY_BASE_MS,
      retryMaxMs: e.WORKER_RETRY_MAX_MS,
      leaseMs: e.WORKER_LEASE_MS,
    },
    migrationsRunAtBoot: e.MIGRATIONS_RUN_AT_BOOT ?? !isProd,
    shutdown: { delayMs: e.SHUTDOWN_DELAY_MS, graceMs: e.SHUTDOWN_GRACE_MS },
    metricsEnabled: e.METRICS_ENABLED,
    trustProxy: e.TRUST_PROXY,
    publicOrigin: e.PUBLIC_ORIGIN ?? null,
    rateLimits:
      (e.RATE_LIMITS_ENABLED ?? e.NODE_ENV !== 'test')
        ? {
            requests: { limit: e.RATE_LIMIT_REQUESTS_PER_MINUTE, windowSeconds: 60 },
            logins: { limit: e.RATE_LIMIT_LOGINS_PER_MINUTE, windowSeconds: 60 },
            sms: { limit: e.RATE_LIMIT_SMS_PER_HOUR, windowSeconds: 3600 },
            smsGlobal: { limit: e.RATE_LIMIT_SMS_GLOBAL_PER_MINUTE, windowSeconds: 60 },
            uploads: { limit: e.RATE_LIMIT_UPLOADS_PER_HOUR, windowSeconds: 3600 },
            draftSaves: { limit: e.RATE_LIMIT_DRAFT_SAVES_PER_MINUTE, windowSeconds: 60 },
            footerChecks: { limit: e.RATE_LIMIT_FOOTER_CHECKS_PER_HOUR, windowSeconds: 3600 },
          }
        : null,
    rateLimitStore: e.RATE_LIMIT_STORE ?? (e.REDIS_URL ? 'redis' : database.type === 'sqlite' ? 'memory' : 'database'),
    redis: e.REDIS_URL ? { url: e.REDIS_URL, keyPrefix: e.REDIS_KEY_PREFIX } : null,
    devLoginEnabled: e.DEV_LOGIN_ENABLED ?? !isProd,
    simulatorsEnabled: e.SIMULATORS_ENABLED ?? !isProd,
    apiDocsEnabled: e.API_DOCS_ENABLED ?? !isProd,
    logLevel: e.LOG_LEVEL,
    devReviewerPrefixes: nameList(e.DEV_REVIEWER_NICKNAMES),
    devAdminPrefixes: nameList(e.DEV_ADMIN_NICKNAMES),
    clock: e.CLOCK,
    regulatorSim: { seed: e.REGULATOR_SIM_SEED, resultDelayMs: e.REGULATOR_SIM_RESULT_DELAY_MS },
    accessLinkTtlMs: e.ACCESS_LINK_TTL_SECONDS * 1000,
    tencentCloud:
      e.TENCENTCLOUD_SECRET_ID && e.TENCENTCLOUD_SECRET_KEY
        ? { secretId: e.TENCENTCLOUD_SECRET_ID, secretKey: e.TENCENTCLOUD_SECRET_KEY, region: e.TENCENTCLOUD_REGION, endpoint: e.TENCENTCLOUD_API_ENDPOINT }
        : null,
    // crossFieldProblems has refused a chosen adapter with any of its keys missing.
    sms:
      e.SMS_PROVIDER === 'tencent'
        ? {
            provider: 'tencent',
            sdkAppId: e.TENCENT_SMS_SDK_APP_ID!,
            signName: e.TENCENT_SMS_SIGN_NAME!,
            verificationTemplateId: e.TENCENT_SMS_TEMPLATE_ID!,
            invitationTemplateId: e.TENCENT_SMS_INVITATION_TEMPLATE_ID!,
            noticeTemplateId: e.TENCENT_SMS_NOTICE_TEMPLATE_ID,
          }
        : { provider: 'dev-outbox' },
    mail: e.MAIL_PROVIDER === 'smtp' ? { provider: 'smtp', url: e.SMTP_URL!, from: e.MAIL_FROM } : { provider: 'dev-mailbox', from: e.MAIL_FROM },
    ocr: { provider: e.OCR_PROVIDER },
    faceVerifier: { provider: e.FACE_VERIFIER },
    realNameVerifier: { provider: e.REAL_NAME_VERIFIER },
    storage:
      e.STORAGE === 's3'
        ? {
            provider: 's3',
            endpoint: e.S3_ENDPOINT!,
            bucket: e.S3_BUCKET!,
            region: e.S3_REGION!,
            accessKeyId: e.S3_ACCESS_KEY_ID!,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
          }
        : { provider: 'local' },
    siteFetch: { allowLoopback: e.SITE_FETCH_ALLOW_LOOPBACK },
    pdfCjkFont: e.PDF_CJK_FONT,
  };
}

function nameList(spec: string): string[] {
  return spec
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
}

function parseTemplates(json: string | undefined): Record<string, SubscribeTemplate> {
  if (!json) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ConfigError(['WECHAT_SUBSCRIBE_TEMPLATES: must be JSON']);
  }
  const parsed = SUBSCRIBE_TEMPLATES_SCHEMA.safeParse(raw);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `WECHAT_SUBSCRIBE_TEMPLATES.${i.path.join('.')}: ${i.message}`));
  const unknown = Object.keys(parsed.data).filter((type) => !isProgressMessageType(type));
  if (unknown.length) throw new ConfigError(unknown.map((type) => `WECHAT_SUBSCRIBE_TEMPLATES.${type}: not a progress message type`));
  return parsed.data;
}

function parseDatabase(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url) return { type: 'sqlite', path: join(dataDir, 'beian.sqlite') };
  if (url.startsWith('sqlite:')) return { type: 'sqlite', path: resolve(url.slice('sqlite:'.length)) };
  return { type: url.startsWith('mariadb:') ? 'mariadb' : 'mysql', url: url.replace(/^mariadb:/, 'mysql:') };
}

function parseIndexKey(b64: string): Buffer {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw new ConfigError(['FIELD_INDEX_KEY: expected 32 bytes as base64']);
  return key;
}

function parseKeys(spec: string): { version: string; key: Buffer }[] {
  const keys = spec.split(',').map((part) => {
    const [version, b64] = part.trim().split(':');
    const key = Buffer.from(b64 ?? '', 'base64');
    if (!version || !/^v\d+$/.test(version) || key.length !== 32) {
      throw new ConfigError(['FIELD_ENCRYPTION_KEYS: expected "v1:<32 bytes base64>[,v2:…]"']);
    }
    return { version, key };
  });
  return keys;
}

/** Embedded default: a key generated once and kept beside the SQLite file, so restarts can decrypt. */
function devKeyFile(dataDir: string): string {
  const file = join(dataDir, 'field-encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, `v1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}
