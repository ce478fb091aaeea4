import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FAKE_SECRET_ID = 'AKIDfake0000000000000000000000000000';
export const FAKE_SECRET_KEY = 'fakeSecretKey000000000000000000000';

export interface ReceivedCall {
  service: string;
  action: string;
  version: string;
  region: string | undefined;
  payload: Record<string, any>;
}

type Handler = (payload: Record<string, any>) => Record<string, unknown>;

/**
 * A local stand-in for Tencent Cloud API 3.0 (`https://<service>.tencentcloudapi.com`): checks the documented
 * TC3-HMAC-SHA256 signature itself (written from the spec, independently of the client) and answers
 * `{ Response: { …, RequestId } }`, or `{ Response: { Error: { Code, Message }, RequestId } }` like the real one.
 */
export class FakeTencentCloud {
  readonly calls: ReceivedCall[] = [];
  private readonly handlers = new Map<string, Handler>();
  private server: Server | null = null;
  url = '';

  on(action: string, handler: Handler): this {
    this.handlers.set(action, handler);
    return this;
  }

  /** The server's settings to call this fake (once started). */
  env(): Record<string, string> {
    return { TENCENTCLOUD_SECRET_ID: FAKE_SECRET_ID, TENCENTCLOUD_SECRET_KEY: FAKE_SECRET_KEY, TENCENTCLOUD_API_ENDPOINT: this.url };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.read(req).then((body) => {
        const response = this.answer(req, body);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: { ...response, RequestId: randomUUID() } }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private answer(req: IncomingMessage, body: string): Record<string, unknown> {
    const error = (Code: string, Message: string) => ({ Error: { Code, Message } });
    const action = String(req.headers['x-tc-action'] ?? '');
    if (req.method !== 'POST' || req.url !== '/') return error('InvalidParameter', 'POST / expected');
    if (req.headers['content-type'] !== 'application/json; charset=utf-8') return error('InvalidParameter', 'content-type');
    const auth = /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([a-z]+)\/tc3_request, SignedHeaders=([a-z;-]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ''),
    );
    if (!auth) return error('AuthFailure.InvalidAuthorization', 'malformed Authorization');
    const [, secretId, date, service, signedHeaders, signature] = auth;
    if (secretId !== FAKE_SECRET_ID) return error('AuthFailure.SecretIdNotFound', 'unknown SecretId');
    const timestamp = Number(req.headers['x-tc-timestamp']);
    if (Math.abs(Date.now() / 1000 - timestamp) > 300) return error('AuthFailure.SignatureExpire', 'timestamp too far');
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return error('AuthFailure.SignatureFailure', 'date does not match timestamp');
    const headerLines = signedHeaders!.split(';').map((name) => `${name}:${name === 'x-tc-action' ? action.toLowerCase() : String(req.headers[name] ?? '')}\n`);
    const canonical = `POST\n/\n\n${headerLines.join('')}\n${signedHeaders}\n${createHash('sha256').update(body).digest('hex')}`;
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${createHash('sha256').update(canonical).digest('hex')}`;
    const kDate = createHmac('sha256', `TC3${FAKE_SECRET_KEY}`).update(date!).digest();
    const kService = createHmac('sha256', kDate).update(service!).digest();
    const kSigning = createHmac('sha256', kService).update('tc3_request').digest();
    if (createHmac('sha256', kSigning).update(toSign).digest('hex') !== signature) return error('AuthFailure.SignatureFailure', 'signature mismatch');
    const handler = this.handlers.get(action);
    if (!handler) return error('InvalidAction', `no action ${action}`);
    const payload = JSON.parse(body) as Record<string, any>;
    this.calls.push({
      service: service!,
      action,
      version: String(req.headers['x-tc-version']),
      region: req.headers['x-tc-region'] as string | undefined,
      payload,
    });
    return handler(payload);
  }

  private read(req: IncomingMessage): Promise<string> {
    return new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  }
}
