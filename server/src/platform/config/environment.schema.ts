import { z } from 'zod';

/** The environment the server reads, validated once at boot (loadConfig turns it into AppConfig). */
const booleanFlag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const digits = z.string().regex(/^\d+$/, 'digits only');
/** A URL once its `{service}` placeholder is filled in. */
const serviceUrl = z.string().refine((v) => URL.canParse(v.replace('{service}', 'sms')), 'must be a URL, optionally with {service}');

export const ENV_SCHEMA = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** `mysql://` / `mariadb://` URL, or `sqlite:<path>`; default: SQLite file under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  DATA_DIR: z.string().default('var'),
  H5_DIR: z.string().optional(),
  /** 32-byte keys as base64, `v1:KEY,v2:KEY`; the last one encrypts, all decrypt. Default: generated under DATA_DIR. */
  FIELD_ENCRYPTION_KEYS: z.string().optional(),
  /**
   * 32 bytes as base64: the key of the blind indexes (lookups by mobile or certificate number without storing them).
   * Default: derived from the first field key; pin it (`node dist/reencrypt.js --index-key`) before removing that key.
   */
  FIELD_INDEX_KEY: z.string().optional(),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  /**
   * A process reuses a session it read for this long (a logout reaches the other processes at once through Redis,
   * without Redis within this time); 0 reads the session on every request.
   */
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  WECHAT_APP_ID: z.string().optional(),
  WECHAT_APP_SECRET: z.string().optional(),
  WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
  /** JSON: progress message type → `{templateId, data: {<template key>: title|status|body|time|orderId}}`. */
  WECHAT_SUBSCRIBE_TEMPLATES: z.string().optional(),
  WECHAT_MINIPROGRAM_STATE: z.enum(['developer', 'trial', 'formal']).default('formal'),
  /** How often the job runner and outbox worker look for due rows; 0 = only when driven (tests). Default: 1000, 0 under test. */
  WORKER_POLL_MS: z.coerce.number().int().min(0).optional(),
  WORKER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(20),
  /** The outbox worker's batch: delivered at once (a few statements per batch), so larger than a job batch. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(50),
  /** Claimed batches a worker runs at once: the next one is claimed while the previous ones run. */
  WORKER_BATCHES_IN_FLIGHT: z.coerce.number().int().min(1).max(16).default(2),
  WORKER_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  WORKER_RETRY_BASE_MS: z.coerce.number().int().min(0).default(30_000),
  WORKER_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(6 * 3600_000),
  /** A claimed row is left alone this long; a worker that died releases its rows when the lease ends. */
  WORKER_LEASE_MS: z.coerce
    .number()
    .int()
    .min(1000)
    .default(5 * 60_000),
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
  REGULATOR_SIM_RESULT_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(30 * 60_000),
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
  /** An approved template with four parameters: {1} the subject, {2} the principal's role, {3} the hours, {4} the link. */
  TENCENT_SMS_INVITATION_TEMPLATE_ID: digits.optional(),
  /** Template for progress notices by SMS, one parameter (the title); without it results are not sent by SMS. */
  TENCENT_SMS_NOTICE_TEMPLATE_ID: digits.optional(),
  /** `smtp`: send e-mail (verification codes) through SMTP_URL; `dev-mailbox` keeps it in the dev mailbox. */
  MAIL_PROVIDER: z.enum(['dev-mailbox', 'smtp']).default('dev-mailbox'),
  /** `smtps://user:pass@host:465` or `smtp://host:587` (STARTTLS when the server offers it). */
  SMTP_URL: z.string().url().optional(),
  /** The sender, e.g. `备案服务 <beian@example.com>`. */
  MAIL_FROM: z.string().min(3).default('备案服务 <noreply@beian.local>'),
  OCR_PROVIDER: z.enum(['none', 'tencent']).default('none'),
  FACE_VERIFIER: z.enum(['reviewer-confirmed', 'tencent']).default('reviewer-confirmed'),
  /** 实名认证 of accounts: `tencent` (FaceID 身份信息认证) or the simulated real-name service. */
  REAL_NAME_VERIFIER: z.enum(['simulated', 'tencent']).default('simulated'),
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
  /** Tests only: the footer check may fetch a site on 127.0.0.1 / ::1 (never private or link-local addresses). Refused in production. */
  SITE_FETCH_ALLOW_LOOPBACK: booleanFlag.default(false),
  /** A TrueType/OpenType font (`.ttf`/`.otf`, or `.ttc#PostScriptName` for a collection) with Chinese glyphs for the exported PDF sheets (Debian: fonts-wqy-zenhei). */
  PDF_CJK_FONT: z.string().min(1).default('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc#WenQuanYiZenHei'),
  /** Prometheus `/metrics`; off leaves the route out. */
  METRICS_ENABLED: booleanFlag.default(true),
  /** Behind a balancer: take the caller's address from `X-Forwarded-For` (rate limits per address need it). */
  TRUST_PROXY: booleanFlag.default(false),
  /** The address people open (`https://beian.example.com`): links in invitation SMS and in codes. Default: the request's own address. */
  PUBLIC_ORIGIN: z
    .string()
    .url()
    .refine((url) => /^https?:\/\/[^/]+$/.test(url), 'scheme and host only, no path or trailing slash')
    .optional(),
  /** Rate limits. Default: on, off under NODE_ENV=test. */
  RATE_LIMITS_ENABLED: booleanFlag.optional(),
  /**
   * Where the rate-limit counters live: `memory` (this process alone), `database` (table rate_limit_windows, shared by
   * every process, a commit per request) or `redis` (REDIS_URL, shared). Default: redis with REDIS_URL, else memory on
   * SQLite and database on MySQL/MariaDB. Several processes on one SQLite file without Redis: set database.
   */
  RATE_LIMIT_STORE: z.enum(['memory', 'database', 'redis']).optional(),
  /** `redis://[:password@]host:6379[/db]` or `rediss://…` (TLS): the shared rate-limit counters. */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/./, 'must start with redis:// or rediss://')
    .optional(),
  /** Put before every key the server writes in Redis: several deployments (or test runs) can share one Redis. */
  REDIS_KEY_PREFIX: z.string().min(1).default('beian:'),
  /** Every API request, per caller address. */
  RATE_LIMIT_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  /** Logins (WeChat and dev), per caller address. */
  RATE_LIMIT_LOGINS_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  /** SMS verification codes requested, per session (the per-mobile and per-account day limits apply as well). */
  RATE_LIMIT_SMS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  /** SMS verification codes requested by everyone together: the budget of the whole service. */
  RATE_LIMIT_SMS_GLOBAL_PER_MINUTE: z.coerce.number().int().min(1).default(300),
  /** Uploads started (materials, ID photos, face videos), per session. */
  RATE_LIMIT_UPLOADS_PER_HOUR: z.coerce.number().int().min(1).default(300),
  /** Draft saves (autosave included), per session. */
  RATE_LIMIT_DRAFT_SAVES_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Website footer checks (each fetches the user's site), per account. */
  RATE_LIMIT_FOOTER_CHECKS_PER_HOUR: z.coerce.number().int().min(1).default(20),
});

/** Every variable the server reads (the deploy manifests are checked against this list). */
export const CONFIG_KEYS: readonly string[] = Object.keys(ENV_SCHEMA.shape);

const TENCENT_SMS_KEYS = ['TENCENT_SMS_SDK_APP_ID', 'TENCENT_SMS_SIGN_NAME', 'TENCENT_SMS_TEMPLATE_ID', 'TENCENT_SMS_INVITATION_TEMPLATE_ID'] as const;
const S3_KEYS = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

/** Rules across variables, checked on the raw environment so every problem is listed at once. */
export function crossFieldProblems(env: NodeJS.ProcessEnv): string[] {
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
  for (const variable of ['SMS_PROVIDER', 'OCR_PROVIDER', 'FACE_VERIFIER', 'REAL_NAME_VERIFIER'] as const) {
    if (env[variable] === 'tencent' && !tencentCloud) problems.push(`${variable}: tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY`);
  }
  if (env.SMS_PROVIDER === 'tencent') {
    for (const key of TENCENT_SMS_KEYS) if (!env[key]) problems.push(`${key}: required when SMS_PROVIDER=tencent`);
  }
  if (env.RATE_LIMIT_STORE === 'redis' && !env.REDIS_URL) problems.push('REDIS_URL: required when RATE_LIMIT_STORE=redis');
  if (env.MAIL_PROVIDER === 'smtp' && !env.SMTP_URL) problems.push('SMTP_URL: required when MAIL_PROVIDER=smtp');
  if (env.STORAGE === 's3') {
    for (const key of S3_KEYS) if (!env[key]) problems.push(`${key}: required when STORAGE=s3`);
  }
  if (Number(env.SHUTDOWN_DELAY_MS ?? 0) >= Number(env.SHUTDOWN_GRACE_MS ?? 25_000)) {
    problems.push('SHUTDOWN_DELAY_MS: must be shorter than SHUTDOWN_GRACE_MS');
  }
  if (env.NODE_ENV === 'production') {
    if (env.SITE_FETCH_ALLOW_LOOPBACK === 'true' || env.SITE_FETCH_ALLOW_LOOPBACK === '1')
      problems.push('SITE_FETCH_ALLOW_LOOPBACK: tests only, refused in production');
    if (!env.DATABASE_URL) problems.push('DATABASE_URL: required in production');
    if (!env.FIELD_ENCRYPTION_KEYS) problems.push('FIELD_ENCRYPTION_KEYS: required in production');
    if (!(env.WECHAT_APP_ID && env.WECHAT_APP_SECRET) && !simulators) problems.push('WECHAT_APP_ID: required in production unless SIMULATORS_ENABLED=true');
    // The dev outbox delivers no SMS, and the reviewer-confirmed verifier checks neither liveness nor likeness.
    if (env.SMS_PROVIDER !== 'tencent' && !simulators)
      problems.push('SMS_PROVIDER: tencent required in production unless SIMULATORS_ENABLED=true (the dev outbox sends nothing)');
    if (env.MAIL_PROVIDER !== 'smtp' && !simulators)
      problems.push('MAIL_PROVIDER: smtp required in production unless SIMULATORS_ENABLED=true (the dev mailbox sends nothing)');
    if (env.FACE_VERIFIER !== 'tencent' && !simulators) problems.push('FACE_VERIFIER: tencent required in production unless SIMULATORS_ENABLED=true');
    if (env.REAL_NAME_VERIFIER !== 'tencent' && !simulators)
      problems.push('REAL_NAME_VERIFIER: tencent required in production unless SIMULATORS_ENABLED=true (the simulated service verifies no one)');
  }
  return problems;
}
