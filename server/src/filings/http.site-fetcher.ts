import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isReachableAddress } from './public-address.policy';
import { type FetchedPage, SiteFetcher, SiteFetchError } from './site-fetcher.port';

export interface SiteFetchLimits {
  /** Whole fetch, redirects and body included. */
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Tests only: a local HTTP server stands in for the website. */
  allowLoopback: boolean;
}

export const DEFAULT_SITE_FETCH_LIMITS: SiteFetchLimits = { timeoutMs: 10_000, maxBytes: 2 * 1024 * 1024, maxRedirects: 5, allowLoopback: false };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a home page over HTTP(S). Addresses are checked after DNS resolution, inside the connection's own lookup, so the
 * address checked is the address connected to (no second resolution an attacker could answer differently).
 */
export class HttpSiteFetcher extends SiteFetcher {
  constructor(private readonly limits: SiteFetchLimits = DEFAULT_SITE_FETCH_LIMITS) {
    super();
  }

  async fetchHomePage(url: string): Promise<FetchedPage> {
    const deadline = AbortSignal.timeout(this.limits.timeoutMs);
    let current = parseHttpUrl(url);
    for (let hop = 0; ; hop++) {
      const response = await this.get(current, deadline);
      const location = response.headers.location;
      if (REDIRECTS.has(response.statusCode ?? 0) && location) {
        response.destroy();
        if (hop >= this.limits.maxRedirects) throw new SiteFetchError('too_many_redirects', `more than ${this.limits.maxRedirects}`);
        current = parseHttpUrl(new URL(location, current).toString());
        continue;
      }
      const status = response.statusCode ?? 0;
      if (status < 200 || status >= 300) {
        response.destroy();
        throw new SiteFetchError('http_status', String(status));
      }
      const body = await this.readBody(response, deadline);
      return { finalUrl: current.toString(), status, html: decode(body, response.headers['content-type']) };
    }
  }

  private get(url: URL, deadline: AbortSignal): Promise<IncomingMessage> {
    const hostname = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(hostname) && !isReachableAddress(hostname, this.limits.allowLoopback)) {
      return Promise.reject(new SiteFetchError('private_address', hostname));
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(url, {
        method: 'GET',
        signal: deadline,
        lookup: this.checkedLookup(),
        headers: { 'user-agent': 'BeianFooterCheck/1.0', accept: 'text/html,*/*;q=0.5', 'accept-encoding': 'identity' },
      });
      req.once('response', resolve);
      req.once('error', (error) => reject(fetchError(error, deadline)));
      req.end();
    });
  }

  private checkedLookup(): LookupFunction {
    return (hostname, options, callback) => {
      dnsLookup(hostname, { all: true, family: options.family }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(new SiteFetchError('dns', `${hostname}: ${error.code ?? error.message}`), '', 0);
        const refused = addresses.find((a) => !isReachableAddress(a.address, this.limits.allowLoopback));
        if (refused || addresses.length === 0) return callback(new SiteFetchError('private_address', `${hostname} → ${refused?.address ?? 'none'}`), '', 0);
        if (options.all) return (callback as unknown as (e: null, all: LookupAddress[]) => void)(null, addresses);
        const [first] = addresses;
        callback(null, first!.address, first!.family);
      });
    };
  }

  private readBody(response: IncomingMessage, deadline: AbortSignal): Promise<Buffer> {
    const declared = Number(response.headers['content-length'] ?? 0);
    if (declared > this.limits.maxBytes) {
      response.destroy();
      return Promise.reject(new SiteFetchError('too_large', `content-length ${declared}`));
    }
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > this.limits.maxBytes) {
          reject(new SiteFetchError('too_large', `over ${this.limits.maxBytes} bytes`));
          response.removeAllListeners('data');
          response.destroy();
          return;
        }
        chunks.push(chunk);
      });
      response.once('end', () => resolve(Buffer.concat(chunks)));
      response.once('error', (error) => reject(fetchError(error, deadline)));
      response.once('aborted', () => reject(fetchError(new Error('aborted'), deadline)));
    });
  }
}

function parseHttpUrl(raw: string): URL {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`;
  if (!URL.canParse(withScheme)) throw new SiteFetchError('invalid_url', raw);
  const url = new URL(withScheme);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SiteFetchError('invalid_url', raw);
  if (url.username || url.password) throw new SiteFetchError('invalid_url', 'credentials in URL');
  return url;
}

function fetchError(error: unknown, deadline: AbortSignal): SiteFetchError {
  if (error instanceof SiteFetchError) return error;
  if (deadline.aborted) return new SiteFetchError('timeout', 'deadline passed');
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof SiteFetchError) return cause;
  return new SiteFetchError('unreachable', (error as Error).message);
}

/** Chinese sites still serve GBK: the charset from the header, else from a `<meta>` near the top, else UTF-8. */
function decode(body: Buffer, contentType: string | undefined): string {
  const declared =
    /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(body.subarray(0, 4096).toString('latin1'))?.[1];
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
