import { createHash, createHmac } from 'node:crypto';

/** Credentials and endpoint of Tencent Cloud API 3.0; `endpoint` replaces the public one (tests point it at a local fake). */
export interface TencentCloudCredentials {
  secretId: string;
  secretKey: string;
  region: string;
  /** e.g. `https://{service}.tencentcloudapi.com`; `{service}` is replaced by the product (sms, ocr, faceid). */
  endpoint?: string;
}

export interface TencentCloudCall {
  service: string;
  version: string;
  action: string;
  payload: Record<string, unknown>;
  /** Some actions take no region (e.g. FaceID LivenessCompare). */
  withRegion?: boolean;
}

export class TencentCloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId: string | null,
  ) {
    super(`${code}: ${message}`);
  }
}

const sha256 = (data: string) => createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

export interface Tc3Signature {
  canonicalRequest: string;
  stringToSign: string;
  authorization: string;
}

/**
 * TC3-HMAC-SHA256 signature of a POST to `/` (API 3.0 "Signature v3"): the canonical request signs the given
 * headers (names and values lowercased, as the documentation says) and the payload hash; the key is derived
 * per UTC date and service.
 */
export function tc3Sign(input: {
  secretId: string;
  secretKey: string;
  service: string;
  headers: Record<string, string>;
  body: string;
  timestamp: number;
}): Tc3Signature {
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const names = Object.keys(input.headers).sort();
  const canonicalHeaders = names.map((name) => `${name}:${input.headers[name]!.trim().toLowerCase()}\n`).join('');
  const signedHeaders = names.join(';');
  const canonicalRequest = ['POST', '/', '', canonicalHeaders, signedHeaders, sha256(input.body)].join('\n');
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = ['TC3-HMAC-SHA256', String(input.timestamp), scope, sha256(canonicalRequest)].join('\n');
  const signingKey = hmac(hmac(hmac(`TC3${input.secretKey}`, date), input.service), 'tc3_request');
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex');
  const authorization = `TC3-HMAC-SHA256 Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
  return { canonicalRequest, stringToSign, authorization };
}

/**
 * A thin client for Tencent Cloud API 3.0 over fetch; the answer's `Response` object, or a TencentCloudError.
 * `now` must be real time: Tencent refuses a signature more than five minutes off its own clock.
 */
export class TencentCloudApiClient {
  constructor(
    private readonly credentials: TencentCloudCredentials,
    private readonly now: () => Date,
  ) {}

  async call<T extends Record<string, unknown>>(request: TencentCloudCall): Promise<T> {
    const base = (this.credentials.endpoint ?? 'https://{service}.tencentcloudapi.com').replace('{service}', request.service);
    const url = new URL(base);
    const host = url.host;
    const body = JSON.stringify(request.payload);
    const timestamp = Math.floor(this.now().getTime() / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      host,
      'x-tc-action': request.action,
      'x-tc-version': request.version,
      'x-tc-timestamp': String(timestamp),
    };
    // The action is signed too, so a captured signature cannot be replayed for another action.
    const signed = { 'content-type': headers['content-type']!, host, 'x-tc-action': request.action };
    headers.authorization = tc3Sign({ ...this.credentials, service: request.service, headers: signed, body, timestamp }).authorization;
    if (request.withRegion !== false) headers['x-tc-region'] = this.credentials.region;
    let answer: { Response?: Record<string, unknown> & { Error?: { Code: string; Message: string }; RequestId?: string } };
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(15_000) });
      answer = (await res.json()) as typeof answer;
    } catch (error) {
      throw new TencentCloudError('NetworkError', error instanceof Error ? error.message : String(error), null);
    }
    const response = answer.Response;
    if (!response) throw new TencentCloudError('InvalidResponse', 'no Response object', null);
    if (response.Error) throw new TencentCloudError(response.Error.Code, response.Error.Message, response.RequestId ?? null);
    return response as T;
  }
}

/** The shared client for an adapter set to `tencent`; the configuration has already refused that choice without a key pair. */
export function requireTencentCloud(client: TencentCloudApiClient | null, variable: string): TencentCloudApiClient {
  if (!client) throw new Error(`${variable}=tencent needs TENCENTCLOUD_SECRET_ID and TENCENTCLOUD_SECRET_KEY`);
  return client;
}
