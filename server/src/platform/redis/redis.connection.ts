import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';

/**
 * The server's one Redis connection (REDIS_URL). A command fails at once while Redis is unreachable, instead of
 * waiting in a queue: what uses Redis (the rate limiter) lets the request go on. The connection comes back by itself.
 */
export class RedisConnection implements OnApplicationShutdown {
  private static readonly logger = new Logger('Redis');

  private constructor(readonly client: Redis) {}

  /** Connects, or logs why not and keeps trying in the background: the server starts either way. */
  static async open(url: string): Promise<RedisConnection> {
    // disconnectTimeout: a socket that never connected is let go at shutdown without waiting the default 2 s.
    const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2000, disconnectTimeout: 100 });
    let unreachable = false;
    client.on('error', (error: Error) => {
      if (!unreachable) RedisConnection.logger.warn(`Redis unreachable: ${error.message}`);
      unreachable = true;
    });
    client.on('ready', () => (unreachable = false));
    await client.connect().catch(() => undefined);
    return new RedisConnection(client);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.client.quit().catch(() => this.client.disconnect());
  }
}
