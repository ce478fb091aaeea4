import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { SessionUser } from '@beian/shared';

interface RecentSession {
  user: SessionUser;
  expiresAt: number;
  /** performance.now() of the read: freshness is real time, whatever the simulated clock says. */
  readAt: number;
}

/** Enough for every caller of a busy process; past it the oldest read is forgotten first. */
const CAPACITY = 50_000;

/**
 * Sessions this process read in the last SESSION_CACHE_SECONDS, so a page polling every few seconds costs no sessions
 * query. The session's own expiry is still checked on every request. A logout forgets the session here at once and,
 * with Redis configured, in every other process too (a message on `<prefix>sessions:revoked` carrying the token's
 * hash); without Redis another process may accept the token for at most the cache time.
 */
export class RecentSessions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecentSessions.name);
  private readonly entries = new Map<string, RecentSession>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly freshForMs: number,
    private readonly redis: { client: Redis; channel: string } | null,
  ) {}

  /** The session read less than the cache time ago, or undefined. */
  get(tokenHash: string): { user: SessionUser; expiresAt: number } | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (performance.now() - entry.readAt < this.freshForMs) return entry;
    this.entries.delete(tokenHash);
    return undefined;
  }

  remember(tokenHash: string, user: SessionUser, expiresAt: number): void {
    if (this.freshForMs <= 0) return;
    this.entries.delete(tokenHash);
    if (this.entries.size >= CAPACITY) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { user, expiresAt, readAt: performance.now() });
  }

  /** After a logout: here at once, in the other processes through Redis when there is one. */
  async revoke(tokenHash: string): Promise<void> {
    this.entries.delete(tokenHash);
    if (!this.redis) return;
    await this.redis.client
      .publish(this.redis.channel, tokenHash)
      .catch((error: Error) => this.logger.warn(`session revocation not published: ${error.message}`));
  }

  /** Subscribes on a connection of its own (a subscribed Redis connection takes no other commands), again after each reconnection. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis || this.freshForMs <= 0) return;
    const { client, channel } = this.redis;
    const subscriber = client.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, tokenHash: string) => this.entries.delete(tokenHash));
    // While the subscription is down a revocation can be missed: what was read before is forgotten, to be read again.
    subscriber.on(
      'ready',
      () =>
        void subscriber.subscribe(channel).then(
          () => this.entries.clear(),
          () => undefined,
        ),
    );
    subscriber.on('error', () => undefined);
    await subscriber.connect().catch(() => undefined);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}
