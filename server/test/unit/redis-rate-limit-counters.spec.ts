import { createHash, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisRateLimitCounters } from '../../src/platform/http/redis.rate-limit-counters';
import { REDIS_SERVER, startClusterRedis, TEST_REDIS_URL } from '../support/test-redis';

const NOW = Date.UTC(2026, 0, 5, 10, 0, 30);
const bucket = () => createHash('sha256').update(randomUUID()).digest('hex');
const window = (of: string, windowIndex: number) => ({ bucket: of, windowIndex, endsAt: NOW + 30_000 });

if (!TEST_REDIS_URL) console.log('TEST_REDIS_URL is not set: the Redis counters are not tested against Redis in this run');
if (!REDIS_SERVER) console.log('redis-server is not installed: the Redis counters are not tested in cluster mode in this run');

describe('rate-limit counters in Redis', () => {
  (TEST_REDIS_URL ? it : it.skip)(
    'should key each window with its bucket as the hash tag and count every window apart when one request counts several',
    async () => {
      const redis = new Redis(TEST_REDIS_URL!, { lazyConnect: true });
      const prefix = `beian-test-${randomUUID()}:`;
      const counters = new RedisRateLimitCounters(redis, prefix);
      const [a, b] = [bucket(), bucket()];
      try {
        await redis.connect();
        const first = await counters.add([window(a, 7), window(b, 7), window(a, 8)], NOW);
        const second = await counters.add([window(a, 7), window(b, 7), window(a, 8)], NOW);
        const third = await counters.add([window(a, 7)], NOW);
        const keys = (await redis.keys(`${prefix}*`)).sort();
        const lifetimes = await Promise.all(keys.map((key) => redis.pttl(key)));

        expect([first, second, third]).toEqual([[1, 1, 1], [2, 2, 2], [3]]);
        expect(keys).toEqual([`${prefix}rate-limit:{${a}}:7`, `${prefix}rate-limit:{${a}}:8`, `${prefix}rate-limit:{${b}}:7`].sort());
        for (const lifetime of lifetimes) expect(lifetime).toBeGreaterThan(0);
        for (const lifetime of lifetimes) expect(lifetime).toBeLessThanOrEqual(30_000);
      } finally {
        const keys = await redis.keys(`${prefix}*`);
        if (keys.length) await redis.del(...keys);
        redis.disconnect();
      }
    },
  );

  (REDIS_SERVER ? it : it.skip)('should count windows of buckets in different slots at once on a Redis in cluster mode', async () => {
    const cluster = await startClusterRedis();
    const redis = new Redis(cluster.url, { lazyConnect: true });
    const counters = new RedisRateLimitCounters(redis, 'beian:');
    const [a, b] = [bucket(), bucket()];
    try {
      await redis.connect();
      const slotOf = async (key: string) => Number(await redis.call('CLUSTER', 'KEYSLOT', key));
      const slots = [await slotOf(`beian:rate-limit:{${a}}:7`), await slotOf(`beian:rate-limit:{${a}}:8`), await slotOf(`beian:rate-limit:{${b}}:7`)];

      const first = await counters.add([window(a, 7), window(b, 7), window(a, 8)], NOW);
      const second = await counters.add([window(a, 7), window(b, 7)], NOW);

      expect(slots[0]).toBe(slots[1]);
      expect(slots[0]).not.toBe(slots[2]);
      expect([first, second]).toEqual([
        [1, 1, 1],
        [2, 2],
      ]);
    } finally {
      redis.disconnect();
      await cluster.stop();
    }
  });
});
