import { createHash, createHmac } from 'node:crypto';
import type { Clock } from '../platform/clock/clock';
import type { S3StorageConfig } from '../platform/config/app-config';
import { ObjectStorage } from './object-storage.port';

const SERVER_URL_SECONDS = 60;
/** Every object written is encrypted by the bucket (SSE-S3; COS accepts the same header): signed, so it cannot be dropped. */
const SERVER_SIDE_ENCRYPTION = { 'x-amz-server-side-encryption': 'AES256' } as const;

/** RFC 3986 encoding as SigV4 wants it (`/` kept in paths when asked). */
function encode(value: string, keepSlash = false): string {
  const encoded = encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export interface PresignInput {
  method: string;
  /** Scheme and host, e.g. `https://cos.ap-guangzhou.myqcloud.com`. */
  origin: string;
  /** The path as it goes on the wire (already encoded), e.g. `/bucket/incoming/abc`; signed as is. */
  path: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  signedAt: Date;
  expiresSeconds: number;
  /** Further query parameters, signed too (`response-content-type` …). */
  query?: Record<string, string>;
  /** Headers the request will carry, signed with `host` (lower-case names): e.g. the server-side encryption one. */
  headers?: Record<string, string>;
}

/**
 * AWS Signature V4 in the query string ("presigned URL"), signing only the host header and an unsigned payload,
 * as S3's "Authenticating Requests: Using Query Parameters" describes it.
 */
export function presignS3Url(input: PresignInput): string {
  const host = new URL(input.origin).host;
  const amzDate = input.signedAt
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
  const day = amzDate.slice(0, 8);
  const scope = `${day}/${input.region}/s3/aws4_request`;
  const headers: Record<string, string> = { host, ...input.headers };
  const headerNames = Object.keys(headers).sort();
  const query: Record<string, string> = {
    ...input.query,
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': `${input.accessKeyId}/${scope}`,
    'X-Amz-Date': amzDate,
    'X-Amz-Expires': String(input.expiresSeconds),
    'X-Amz-SignedHeaders': headerNames.join(';'),
  };
  const canonicalQuery = Object.keys(query)
    .sort()
    .map((k) => `${encode(k)}=${encode(query[k]!)}`)
    .join('&');
  const canonicalHeaders = headerNames.map((name) => `${name}:${headers[name]!.trim()}\n`).join('');
  const canonicalRequest = [input.method, input.path, canonicalQuery, canonicalHeaders, headerNames.join(';'), 'UNSIGNED-PAYLOAD'].join('\n');
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${input.secretAccessKey}`, day), input.region), 's3'), 'aws4_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  return `${input.origin}${input.path}?${canonicalQuery}&X-Amz-Signature=${signature}`;
}

/**
 * Real object storage adapter: files in a private bucket, clients upload and download with presigned URLs
 * (AWS Signature V4 in the query string, which COS accepts too), and the server reads/writes through short
 * presigned URLs of its own. A presigned PUT cannot cap the size: confirmation checks it.
 * A URL lives from `expiresAt` minus the app's clock (which tests and demos move), but is signed with real time
 * (`signingTime`), since the bucket checks the signature date against its own clock.
 */
export class S3CompatibleStorage extends ObjectStorage {
  private readonly base: URL;

  constructor(
    private readonly config: S3StorageConfig,
    private readonly clock: Clock,
    private readonly signingTime: () => Date,
  ) {
    super();
    this.base = new URL(config.endpoint);
  }

  signedPutUrl(key: string, _contentType: string, _maxBytes: number, expiresAt: Date): string {
    return this.presign('PUT', key, expiresAt, {}, SERVER_SIDE_ENCRYPTION);
  }

  uploadHeaders(): Record<string, string> {
    return { ...SERVER_SIDE_ENCRYPTION };
  }

  signedGetUrl(key: string, contentType: string, expiresAt: Date): string {
    return this.presign('GET', key, expiresAt, { 'response-content-type': contentType });
  }

  async read(key: string): Promise<Buffer | null> {
    const res = await fetch(this.presign('GET', key, this.soon(), {}));
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`object storage GET failed: ${res.status}`);
    return Buffer.from(await res.arrayBuffer());
  }

  async write(key: string, bytes: Buffer): Promise<void> {
    const res = await fetch(this.presign('PUT', key, this.soon(), {}, SERVER_SIDE_ENCRYPTION), { method: 'PUT', headers: SERVER_SIDE_ENCRYPTION, body: bytes });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`object storage PUT failed: ${res.status}`);
  }

  async delete(key: string): Promise<void> {
    const res = await fetch(this.presign('DELETE', key, this.soon(), {}), { method: 'DELETE' });
    await res.arrayBuffer();
    if (!res.ok && res.status !== 404) throw new Error(`object storage DELETE failed: ${res.status}`);
  }

  private soon(): Date {
    return new Date(this.clock.now().getTime() + SERVER_URL_SECONDS * 1000);
  }

  /** A path-style presigned URL: `<endpoint>/<bucket>/<key>?X-Amz-…`. */
  private presign(method: string, key: string, expiresAt: Date, query: Record<string, string>, headers?: Record<string, string>): string {
    const path = `${this.base.pathname.replace(/\/$/, '')}/${encode(this.config.bucket)}/${encode(key, true)}`;
    return presignS3Url({
      method,
      origin: this.base.origin,
      path,
      region: this.config.region,
      accessKeyId: this.config.accessKeyId,
      secretAccessKey: this.config.secretAccessKey,
      signedAt: this.signingTime(),
      expiresSeconds: Math.max(1, Math.min(7 * 24 * 3600, Math.floor((expiresAt.getTime() - this.clock.now().getTime()) / 1000))),
      query,
      headers,
    });
  }
}
