import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_S3_KEY_ID = 'AKIDCOSFAKE000000';
export const FAKE_S3_SECRET = 'cos-fake-secret-0000000000';

/**
 * A local S3-compatible bucket (path style) that accepts only requests presigned with AWS Signature V4 in the
 * query string, as S3 and COS document it, and answers S3's XML errors (403 SignatureDoesNotMatch / AccessDenied,
 * 404 NoSuchKey).
 */
export class FakeS3 {
  readonly objects = new Map<string, Buffer>();
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
      req.on('end', () => {
        const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
        const fail = (status: number, code: string) => res.writeHead(status, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
        const problem = this.check(req.method ?? 'GET', url, String(req.headers.host));
        if (problem) return fail(403, problem);
        const key = decodeURIComponent(url.pathname.slice(`/${this.bucket}/`.length));
        if (req.method === 'PUT') {
          this.objects.set(key, Buffer.concat(chunks));
          return res.writeHead(200).end();
        }
        if (req.method === 'DELETE') {
          this.objects.delete(key);
          return res.writeHead(204).end();
        }
        const body = this.objects.get(key);
        if (!body) return fail(404, 'NoSuchKey');
        res.writeHead(200, { 'content-type': url.searchParams.get('response-content-type') ?? 'application/octet-stream' }).end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private check(method: string, url: URL, host: string): string | null {
    const q = url.searchParams;
    if (!url.pathname.startsWith(`/${this.bucket}/`)) return 'AccessDenied';
    if (q.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256' || q.get('X-Amz-SignedHeaders') !== 'host') return 'AccessDenied';
    const [keyId, day, region, service, terminal] = (q.get('X-Amz-Credential') ?? '').split('/');
    if (keyId !== FAKE_S3_KEY_ID || region !== this.region || service !== 's3' || terminal !== 'aws4_request') return 'InvalidAccessKeyId';
    const amzDate = q.get('X-Amz-Date') ?? '';
    const signedAt = Date.parse(`${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`);
    if (Date.now() > signedAt + Number(q.get('X-Amz-Expires')) * 1000) return 'AccessDenied';
    const params = [...q.entries()].filter(([k]) => k !== 'X-Amz-Signature');
    const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const canonicalQuery = params.map(([k, v]) => [enc(k), enc(v)]).sort(([a], [b]) => (a! < b! ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join('&');
    const canonical = `${method}\n${url.pathname}\n${canonicalQuery}\nhost:${host}\n\nhost\nUNSIGNED-PAYLOAD`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${day}/${region}/s3/aws4_request\n${createHash('sha256').update(canonical).digest('hex')}`;
    let key = createHmac('sha256', `AWS4${FAKE_S3_SECRET}`).update(day!).digest();
    for (const part of [region!, 's3', 'aws4_request']) key = createHmac('sha256', key).update(part).digest();
    return createHmac('sha256', key).update(toSign).digest('hex') === q.get('X-Amz-Signature') ? null : 'SignatureDoesNotMatch';
  }
}
