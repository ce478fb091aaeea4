// Exits 0 when the Redis server at the given URL answers PING.
const { createRequire } = require('node:module');
const { Redis } = createRequire(require.resolve('../../server/package.json'))('ioredis');

const redis = new Redis(process.argv[2], { lazyConnect: true, connectTimeout: 2000, maxRetriesPerRequest: 0, retryStrategy: () => null });
redis.on('error', () => undefined);
redis
  .connect()
  .then(() => redis.ping())
  .then(
    () => (redis.disconnect(), process.exit(0)),
    () => (redis.disconnect(), process.exit(1)),
  );
