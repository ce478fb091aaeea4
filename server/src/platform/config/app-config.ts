import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isProgressMessageType } from '@beian/shared';
import type { TencentCloudCredentials } from '../tencent-cloud/tencent-cloud-api.client';

const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const digits = z.string().regex(/^\d+$/, 'digits only');
/** A URL once its `{service}` placeholder is filled in. */
const serviceUrl = z.string().refine((v) => URL.canParse(v.replace('{service}', 'sms')), 'must be a URL, optionally with {service}');

const ENV_SCHEMA = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().min(1).default('127.0.0.1'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    /** `mysql://` / `mariadb://` URL, or `sqlite:<path>`; default: SQLite file under DATA_DIR. */
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().default('var'),
    H5_DIR: z.string().optional(),
    /** 32-byte keys as base64, `v1:KEY,v2:KEY`; the last one encrypts, all decrypt. Default: generated under DATA_DIR. */
    FIELD_ENCRYPTION_KEYS: z.string().optional(),
    SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
    WECHAT_APP_ID: z.string().optional(),
    WECHAT_APP_SECRET: z.string().optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    /** JSON: progress message type → `{templateId, data: {<template key>: title|status|body|time|orderId}}`. */
    WECHAT_SUBSCRIBE_TEMPLATES: z.string().optional(),
    WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
    /** How often the job runner and outbox worker look for due rows; 0 = only when driven (tests). Default: 1000, 0 under test. */
    WORKER_POLL_MS: z.coerce.number().int().min(0).optional(),
    WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
    WORKER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
    WORKER_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
    WORKER_RETRY_MAX_MS: z.coerce.number().int().min(0).default(6 * 3600_000),
    /** A claimed row is left alone this long; a worker that died releases its rows when the lease ends. */
    WORKER_LEASE_MS: z.coerce.number().int().min(1000).default(5 * 60_000),
    /** Embedded defaults (dev login, simulated WeChat). Always on outside production; opt-in there. */
    DEV_LOGIN_ENABLED: booleanFlag.optional(),
    SIMULATORS_ENABLED: booleanFlag.optional(),
    /** The OpenAPI document and its viewer (`/api/docs`, `/api/docs-json`): on outside production, opt-in there. */
    API_DOCS_ENABLED: booleanFlag.optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Dev login gives the reviewer role to nicknames starting with one of these (comma-separated). */
    DEV_REVIEWER_NICKNAMES: z.string().default('审核员'),
    /** Dev login gives the admin (and reviewer) role to nicknames starting with one of these. */
    DEV_ADMIN_NICKNAMES: z.string().default('管理员'),
    /** `controllable`: simulated time that POST /api/dev/clock/advance moves (simulators only). */
    CLOCK: z.enum(['system', 'controllable']).default('system'),
    /** Seeds the regulator simulator's decisions (管局 review duration, codes). */
    REGULATOR_SIM_SEED: z.string().default('beian'),
    /** Delay before the simulated MIIT reports an SMS verification result (real: 30–60 min). */
    REGULATOR_SIM_RESULT_DELAY_MS: z.coerce.number().int().min(0).default(30 * 60_000),
    /** Lifetime of a staff link to personal data, a material or a face video. */
    ACCESS_LINK_TTL_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
    /** Tencent Cloud API 3.0 key pair (CAM), shared by every adapter set to `tencent`. */
    TENCENTCLOUD_SECRET_ID: z.string().optional(),
    TENCENTCLOUD_SECRET_KEY: z.string().optional(),
    TENCENTCLOUD_REGION: z.string().min(1).default('ap-guangzhou'),
    /** Replaces `https://{service}.tencentcloudapi.com` (another endpoint, a local fake); `{service}` becomes sms, ocr or faceid. */
    TENCENTCLOUD_API_ENDPOINT: serviceUrl.optional(),
    SMS_PROVIDER: z.enum(['dev-outbox', 'tencent']).default('dev-outbox'),
    TENCENT_SMS_SDK_APP_ID: digits.optional(),
    TENCENT_SMS_SIGN_NAME: z.string().optional(),
    /** An approved template with two parameters: {1} the code, {2} the minutes. */
    TENCENT_SMS_TEMPLATE_ID: digits.optional(),
    OCR_PROVIDER: z.enum(['none', 'tencent']).default('none'),
    FACE_VERIFIER: z.enum(['reviewer-confirmed', 'tencent']).default('reviewer-confirmed'),
    STORAGE: z.enum(['local', 's3']).default('local'),
    /** Path-style S3 endpoint, e.g. `https://cos.ap-guangzhou.myqcloud.com` for Tencent COS. */
    S3_ENDPOINT: z.string().url().optional(),
    S3_BUCKET: z.string().optional(),
    S3_REGION: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    /** Apply pending migrations when the server starts. Default: on, except in production (run `migrate` once per release). */
    MIGRATIONS_RUN_AT_BOOT: booleanFlag.optional(),
    /** On SIGTERM: readiness answers 503 at once; the listener keeps accepting this long, so balancers take the process out first. */
    SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).default(0),
    /** On SIGTERM: the most the whole stop may take (delay, in-flight requests and job rounds); then the process exits anyway. */
    SHUTDOWN_GRACE_MS: z.coerce.number().int().min(100).max(600_000).default(25_000),
    /** Prometheus `/metrics`; off leaves the route out. */
    METRICS_ENABLED: booleanFlag.default(true),
  });

/** Every variable the server reads (the deploy manifests are checked against this list). */
export const CONFIG_KEYS: readonly string[] = Object.keys(ENV_SCHEMA.shape);

const TENCENT_SMS_KEYS = ['TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID'] as const;
const S3_KEYS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** Rules across variables, checked on the raw environment so every problem is listed at once. */
function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const simulators = env.SIMULATORS_ENABLED === 'true' || env.SIMULATORS_ENABLED === '1';
  if (Boolean(env.WECHAT_APP_ID) !== Boolean(env.WECHAT_APP_SECRET)) problems.push('WECHAT_APP_SECRET: WECHAT_APP_ID and WECHAT_APP_SECRET go together');
  if (env.DATABASE_URL && !/^(mysql|mariadb|sqlite):/.test(env.DATABASE_URL)) problems.push('DATABASE_URL: must start with mysql://, mariadb:// or sqlite:');
  if (env.CLOCK === 'controllable' && !(simulators || (env.NODE_ENV !== 'production' && env.SIMULATORS_ENABLED === undefined))) {
    problems.push('CLOCK: controllable only with the simulators enabled');
  }
  if (Boolean(env.TENCENTCLOUD_SECRET_ID) !== Boolean(env.TENCENTCLOUD_SECRET_KEY)) {
    problems.push('TENCENTCLOUD_SECRET_KEY: TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY go together');
  }
  const tencentCloud = Boolean(env.TENCENTCLOUD_SECRET_ID && env.TENCENTCLOUD_SECRET_KEY);
  for (const variable of ['SMS_PROVIDER', 'OCR_PROVIDER', 'FACE_VERIFIER'] as const) {
    if (env[variable] === 'tencent' && !tencentCloud) problems.push(`${variable}: tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY`);
  }
  if (env.SMS_PROVIDER === 'tencent') {
    for (const key of TENCENT_SMS_KEYS) if (!env[key]) problems.push(`${key}: required when SMS_PROVIDER=tencent`);
  }
  if (env.STORAGE === 's3') {
    for (const key of S3_KEYS) if (!env[key]) problems.push(`${key}: required when STORAGE=s3`);
  }
  if (Number(env.SHUTDOWN_DELAY_MS ?? 0) >= Number(env.SHUTDOWN_GRACE_MS ?? 25_000)) {
    problems.push('SHUTDOWN_DELAY_MS: must be shorter than SHUTDOWN_GRACE_MS');
  }
  if (env.NODE_ENV === 'production') {
    if (!env.DATABASE_URL) problems.push('DATABASE_URL: required in production');
    if (!env.FIELD_ENCRYPTION_KEYS) problems.push('FIELD_ENCRYPTION_KEYS: required in production');
    if (!(env.WECHAT_APP_ID && env.WECHAT_APP_SECRET) && !simulators) problems.push('WECHAT_APP_ID: required in production unless SIMULATORS_ENABLED=true');
    // The dev outbox delivers no SMS, and the reviewer-confirmed verifier checks neither liveness nor likeness.
    if (env.SMS_PROVIDER !== 'tencent' && !simulators) problems.push('SMS_PROVIDER: tencent required in production unless SIMULATORS_ENABLED=true (the dev outbox sends nothing)');
    if (env.FACE_VERIFIER !== 'tencent' && !simulators) problems.push('FACE_VERIFIER: tencent required in production unless SIMULATORS_ENABLED=true');
  }
  return problems;
}

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
}

export type SmsConfig = { provider: 'dev-outbox' } | ({ provider: 'tencent' } & TencentSmsConfig);
export type StorageConfig = { provider: 'local' } | ({ provider: 's3' } & S3StorageConfig);

export type DatabaseConfig =
  | { type: 'sqlite'; path: string }
  | { type: 'mysql' | 'mariadb'; url: string };

export interface AppConfig {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  dataDir: string;
  h5Dir: string | null;
  database: DatabaseConfig;
  fieldEncryptionKeys: { version: string; key: Buffer }[];
  sessionTtlMs: number;
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
  ocr: { provider: 'none' | 'tencent' };
  faceVerifier: { provider: 'reviewer-confirmed' | 'tencent' };
  storage: StorageConfig;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and validates the environment once; nothing else reads process.env. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const parsed = ENV_SCHEMA.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.') || '(env)'}: ${i.message}`)),
    ...crossFieldProblems(env),
  ];
  if (!parsed.success || problems.length) throw new ConfigError(problems);
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const keys = parseKeys(e.FIELD_ENCRYPTION_KEYS ?? devKeyFile(dataDir));
  const isProd = e.NODE_ENV === 'production';
  const wechat = e.WECHAT_APP_ID && e.WECHAT_APP_SECRET
    ? { appId: e.WECHAT_APP_ID, appSecret: e.WECHAT_APP_SECRET, apiBase: e.WECHAT_API_BASE }
    : null;
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    dataDir,
    h5Dir: e.H5_DIR ? resolve(e.H5_DIR) : null,
    database: parseDatabase(e.DATABASE_URL, dataDir),
    fieldEncryptionKeys: keys,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    wechat,
    wechatTemplates: parseTemplates(e.WECHAT_SUBSCRIBE_TEMPLATES),
    wechatMiniprogramState: e.WECHAT_MINIPROGRAM_STATE,
    workers: {
      pollIntervalMs: e.WORKER_POLL_MS ?? (e.NODE_ENV === 'test' ? 0 : 1000),
      batchSize: e.WORKER_BATCH_SIZE,
      maxAttempts: e.WORKER_MAX_ATTEMPTS,
      retryBaseMs: e.WORKER_RETRY_BASE_MS,
      retryMaxMs: e.WORKER_RETRY_MAX_MS,
      leaseMs: e.WORKER_LEASE_MS,
    },
    migrationsRunAtBoot: e.MIGRATIONS_RUN_AT_BOOT ?? !isProd,
    shutdown: { delayMs: e.SHUTDOWN_DELAY_MS, graceMs: e.SHUTDOWN_GRACE_MS },
    metricsEnabled: e.METRICS_ENABLED,
    devLoginEnabled: e.DEV_LOGIN_ENABLED ?? !isProd,
    simulatorsEnabled: e.SIMULATORS_ENABLED ?? !isProd,
    apiDocsEnabled: e.API_DOCS_ENABLED ?? !isProd,
    logLevel: e.LOG_LEVEL,
    devReviewerPrefixes: nameList(e.DEV_REVIEWER_NICKNAMES),
    devAdminPrefixes: nameList(e.DEV_ADMIN_NICKNAMES),
    clock: e.CLOCK,
    regulatorSim: { seed: e.REGULATOR_SIM_SEED, resultDelayMs: e.REGULATOR_SIM_RESULT_DELAY_MS },
    accessLinkTtlMs: e.ACCESS_LINK_TTL_SECONDS * 1000,
    tencentCloud: e.TENCENTCLOUD_SECRET_ID && e.TENCENTCLOUD_SECRET_KEY
      ? { secretId: e.TENCENTCLOUD_SECRET_ID, secretKey: e.TENCENTCLOUD_SECRET_KEY, region: e.TENCENTCLOUD_REGION, endpoint: e.TENCENTCLOUD_API_ENDPOINT }
      : null,
    // crossFieldProblems has refused a chosen adapter with any of its keys missing.
    sms: e.SMS_PROVIDER === 'tencent'
      ? { provider: 'tencent', sdkAppId: e.TENCENT_SMS_SDK_APP_ID!, signName: e.TENCENT_SMS_SIGN_NAME!, verificationTemplateId: e.TENCENT_SMS_TEMPLATE_ID! }
      : { provider: 'dev-outbox' },
    ocr: { provider: e.OCR_PROVIDER },
    faceVerifier: { provider: e.FACE_VERIFIER },
    storage: e.STORAGE === 's3'
      ? { provider: 's3', endpoint: e.S3_ENDPOINT!, bucket: e.S3_BUCKET!, region: e.S3_REGION!, accessKeyId: e.S3_ACCESS_KEY_ID!, secretAccessKey: e.S3_SECRET_ACCESS_KEY! }
      : { provider: 'local' },
  };
}

function nameList(spec: string): string[] {
  return spec.split(',').map((name) => name.trim()).filter(Boolean);
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
