import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_S3_KEY_ID = 'AKIDCOSFAKE000000';
export const FAKE_S3_SECRET = 'cos-fake-secret-0000000000';

/**
 * The X-Amz-Signature the AWS SDK's signer gives a presigned URL, configured as `@aws-sdk/s3-request-presigner`
 * configures it for S3: the path signed as sent (no second encoding), only `host` signed, payload unsigned.
 */
export async function sdkPresignedSignature(input: {
  method: string;
  host: string;
  path: string;
  query: Record<string, string>;
  signingDate: Date;
  expiresIn: number;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Signed headers besides host (lower-case names), as the request carries them. */
  headers?: Record<string, string>;
}): Promise<string | undefined> {
  const signer = new SignatureV4({
    service: 's3',
    region: input.region,
    credentials: { accessKeyId: input.accessKeyId, secretAccessKey: input.secretAccessKey },
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: false,
    applyChecksum: false,
  });
  const unsigned = new Set(['x-amz-content-sha256']);
  const unhoistable = new Set([...unsigned, ...Object.keys(input.headers ?? {})]);
  const presigned = await signer.presign(
    {
      method: input.method,
      protocol: 'https:',
      hostname: input.host,
      path: input.path,
      query: input.query,
      headers: { host: input.host, 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', ...input.headers },
    },
    { signingDate: input.signingDate, expiresIn: input.expiresIn, unsignableHeaders: unsigned, unhoistableHeaders: unhoistable },
  );
  return presigned.query?.['X-Amz-Signature'] as string | undefined;
}

/**
 * A local S3-compatible bucket (path style) that accepts only requests presigned with AWS Signature V4 in the
 * query string, as S3 and COS document it, and answers S3's XML errors (403 SignatureDoesNotMatch / AccessDenied,
 * 404 NoSuchKey). The signature is recomputed by the AWS SDK's own signer (`@smithy/signature-v4`, configured as
 * `@aws-sdk/s3-request-presigner` configures it), not by code of ours.
 */
export class FakeS3 {
  readonly objects = new Map<string, Buffer>();
  /** The server-side encryption each object was stored with (`AES256`), as S3 reports it. */
  readonly encryption = new Map<string, string>();
  /** Like a bucket policy that denies unencrypted uploads: a PUT without the SSE header is refused. */
  requireEncryption = false;
  private server: Server | null = null;
  url = '';

  constructor(
    readonly bucket: string,
    readonly region: string,
  ) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => void this.serve(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async serve(req: IncomingMessage, res: ServerResponse, bytes: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const fail = (status: number, code: string) => res.writeHead(status, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
    const problem = await this.check(req.method ?? 'GET', req.url ?? '/', url, req);
    if (problem) return void fail(403, problem);
    const key = decodeURIComponent(url.pathname.slice(`/${this.bucket}/`.length));
    if (req.method === 'PUT') {
      const sse = req.headers['x-amz-server-side-encryption'];
      if (sse !== undefined && sse !== 'AES256') return void fail(400, 'InvalidEncryptionAlgorithmError');
      if (this.requireEncryption && !sse) return void fail(403, 'AccessDenied');
      this.objects.set(key, bytes);
      if (sse) this.encryption.set(key, sse);
      else this.encryption.delete(key);
      return void res.writeHead(200).end();
    }
    if (req.method === 'DELETE') {
      this.objects.delete(key);
      return void res.writeHead(204).end();
    }
    const body = this.objects.get(key);
    if (!body) return void fail(404, 'NoSuchKey');
    res.writeHead(200, { 'content-type': url.searchParams.get('response-content-type') ?? 'application/octet-stream' }).end(body);
  }

  private async check(method: string, rawUrl: string, url: URL, req: IncomingMessage): Promise<string | null> {
    const host = String(req.headers.host);
    const q = url.searchParams;
    if (!url.pathname.startsWith(`/${this.bucket}/`)) return 'AccessDenied';
    const signedHeaders = (q.get('X-Amz-SignedHeaders') ?? '').split(';');
    if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || signedHeaders[0] !== 'host') return 'AccessDenied';
    // S3 refuses an x-amz-* header the signature does not cover, and a signed one the request lacks.
    const amzHeaders = Object.keys(req.headers).filter((name) => name.startsWith('x-amz-'));
    if (amzHeaders.some((name) => !signedHeaders.includes(name))) return 'AccessDenied';
    const extra = signedHeaders.slice(1);
    if (extra.some((name) => req.headers[name] === undefined)) return 'SignatureDoesNotMatch';
    const [keyId, , region, service, terminal] = (q.get('X-Amz-Credential') ?? '').split('/');
    if (keyId !== FAKE_S3_KEY_ID || region !== this.region || service !== 's3' || terminal !== 'aws4_request') return 'InvalidAccessKeyId';
    const amzDate = q.get('X-Amz-Date') ?? '';
    const signingDate = new Date(
      `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`,
    );
    const expiresIn = Number(q.get('X-Amz-Expires'));
    if (Number.isNaN(signingDate.getTime()) || !(expiresIn > 0) || Date.now() > signingDate.getTime() + expiresIn * 1000) return 'AccessDenied';
    const query = Object.fromEntries([...q.entries()].filter(([k]) => !k.startsWith('X-Amz-')));
    // The path exactly as received: S3 signs the encoded path, not a re-encoding of the decoded key.
    const expected = await sdkPresignedSignature({
      method,
      host,
      path: rawUrl.split('?')[0]!,
      query,
      signingDate,
      expiresIn,
      region: this.region,
      accessKeyId: FAKE_S3_KEY_ID,
      secretAccessKey: FAKE_S3_SECRET,
      headers: Object.fromEntries(extra.map((name) => [name, String(req.headers[name])])),
    });
    return expected === q.get('X-Amz-Signature') ? null : 'SignatureDoesNotMatch';
  }
}
