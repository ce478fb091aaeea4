import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis of the shared rate-limit counters (scripts/run-tests.mjs sets it); unset: the Redis cases are skipped. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || null;

/** A server counting its rate limits in Redis, under a key prefix of its own: test runs at once never count together. */
export function redisCountersEnvironment(url: string): Record<string, string> {
  return { RATE_LIMIT_STORE: 'redis', REDIS_URL: url, REDIS_KEY_PREFIX: `beian-test-${randomUUID()}:` };
}

/** The keys a server wrote under its prefix. */
export async function redisKeys(env: Record<string, string>): Promise<string[]> {
  const redis = new Redis(env.REDIS_URL!);
  try {
    return await redis.keys(`${env.REDIS_KEY_PREFIX}*`);
  } finally {
    redis.disconnect();
  }
}
