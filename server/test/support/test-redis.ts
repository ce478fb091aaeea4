import { spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './free-port';

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

export const REDIS_SERVER = ['/usr/bin/redis-server', 'redis-server'].find((path) => spawnSync(path, ['--version']).status === 0);

/**
 * A private Redis in cluster mode, one node holding every slot: a command or script whose keys are in several slots
 * fails there with CROSSSLOT, as on a Redis Cluster. Keeps nothing on disk but its cluster state file.
 */
export async function startClusterRedis(): Promise<{ url: string; stop(): Promise<void> }> {
  if (!REDIS_SERVER) throw new Error('redis-server is not installed (apt-get install redis-server)');
  const [port, busPort] = [await freePort(), await freePort()];
  const dir = mkdtempSync(join(tmpdir(), 'beian-redis-cluster-'));
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--cluster-enabled', 'yes', '--cluster-port', String(busPort)];
  const child = spawn(REDIS_SERVER, [...args, '--cluster-config-file', join(dir, 'nodes.conf'), '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `redis://127.0.0.1:${port}`;
  for (let attempt = 0; !(await clusterUp(url)); attempt++) {
    if (attempt === 100) {
      await stop();
      throw new Error('the cluster-mode Redis did not come up');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { url, stop };
}

/** Whether the one node answers with its cluster up, giving it every slot the first time it answers. */
async function clusterUp(url: string): Promise<boolean> {
  const redis = new Redis(url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
  try {
    await redis.connect();
    const info = String(await redis.call('CLUSTER', 'INFO'));
    if (info.includes('cluster_slots_assigned:0')) await redis.call('CLUSTER', 'ADDSLOTSRANGE', '0', '16383');
    return info.includes('cluster_state:ok');
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}
