import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RateLimitsConfig } from '../config/app-config';
import { AppException } from '../errors/app-exception';
import { toErrorResponse } from '../errors/error-body.filter';
import type { RateLimitHit, RateLimiter } from './rate-limiter';

/** The routes a limit of its own applies to, besides the limit on every request; by route template. */
const ROUTE_LIMITS: {
  method: string;
  matches: (route: string) => boolean;
  limit: Exclude<keyof RateLimitsConfig, 'requests' | 'smsGlobal' | 'footerChecks'>;
}[] = [
  { method: 'POST', matches: (route) => route === '/api/auth/wechat-login' || route === '/api/auth/dev-login', limit: 'logins' },
  { method: 'POST', matches: (route) => route === '/api/sms/codes', limit: 'sms' },
  { method: 'POST', matches: (route) => route.endsWith('/uploads'), limit: 'uploads' },
  { method: 'PATCH', matches: (route) => route === '/api/orders/:id/draft', limit: 'draftSaves' },
];

function caller(request: FastifyRequest): string {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  return token ? `session:${token}` : `ip:${request.ip}`;
}

/** Which counts a request adds to: every API request per address, plus its route's own limit. */
function rateLimitHits(request: FastifyRequest, limits: RateLimitsConfig): RateLimitHit[] {
  const route = request.routeOptions.url ?? 'unmatched';
  if (route.startsWith('/api/health')) return [];
  const hits: RateLimitHit[] = [{ key: `requests:ip:${request.ip}`, rule: limits.requests }];
  for (const { method, matches, limit } of ROUTE_LIMITS) {
    if (request.method !== method || !matches(route)) continue;
    // Logins come before any session: counted per address. The others per session when there is one.
    hits.push({ key: `${limit}:${limit === 'logins' ? `ip:${request.ip}` : caller(request)}`, rule: limits[limit] });
    if (limit === 'sms') hits.push({ key: 'smsGlobal', rule: limits.smsGlobal });
  }
  return hits;
}

export function waitText(seconds: number): string {
  return seconds < 120 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}

/** Answers 429 RATE_LIMITED with Retry-After, before any guard or body work, once a count is over its limit. */
export function registerRateLimits(fastify: FastifyInstance, limiter: RateLimiter, limits: RateLimitsConfig): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    let over: { retryAfterSeconds: number } | null;
    try {
      over = await limiter.hit(rateLimitHits(request, limits));
    } catch (error) {
      // When the counters cannot be reached the request goes on (and meets a database failure where it needs the database).
      request.log.warn({ err: error }, 'rate limit not counted');
      return;
    }
    if (!over) return;
    const { status, body } = toErrorResponse(new AppException('RATE_LIMITED', undefined, over, `操作过于频繁，请 ${waitText(over.retryAfterSeconds)}后再试`));
    await reply.status(status).header('retry-after', String(over.retryAfterSeconds)).send(body);
  });
}
