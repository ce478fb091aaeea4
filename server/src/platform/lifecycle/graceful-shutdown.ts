import type { INestApplication } from '@nestjs/common';
import { AppLifecycle } from './app-lifecycle';

export interface ShutdownOptions {
  /** Readiness is 503 and the listener still accepts this long before it closes. */
  delayMs: number;
  /** The whole stop may take this long; then leases are handed back and the process exits 1. */
  graceMs: number;
  log?: (line: string) => void;
  exit?: (code: number) => void;
}

/**
 * The stop on SIGTERM/SIGINT: (1) readiness turns 503 and the job runner and outbox worker claim nothing more;
 * (2) after `delayMs` the listener closes and Nest shuts down: the round of jobs in progress finishes and hands
 * back any row it still holds, Fastify waits for the requests in flight, the database pool closes; (3) exit 0.
 * If that takes longer than `graceMs`, the rows still leased are handed back and the process exits 1.
 */
export function installGracefulShutdown(app: INestApplication, options: ShutdownOptions): (signal: string) => Promise<void> {
  const log = options.log ?? ((line: string) => console.log(line));
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const lifecycle = app.get(AppLifecycle);
  let started: Promise<void> | null = null;

  const stop = (signal: string): Promise<void> => {
    if (started) return started;
    const since = Date.now();
    log(`${signal}: draining (readiness 503, no new jobs), closing within ${options.graceMs} ms`);
    lifecycle.startDraining();
    const deadline = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), options.graceMs).unref());
    const orderly = (async () => {
      if (options.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
      await app.close();
      return 'closed' as const;
    })();
    started = Promise.race([orderly, deadline]).then(
      async (outcome) => {
        if (outcome === 'closed') {
          log(`stopped cleanly in ${Date.now() - since} ms`);
          exit(0);
          return;
        }
        const released = await Promise.race([lifecycle.releaseAllLeases(), new Promise<number>((resolve) => setTimeout(() => resolve(0), 1000).unref())]);
        log(`grace period of ${options.graceMs} ms ran out: ${released} leased row(s) handed back, exiting`);
        exit(1);
      },
      (error: unknown) => {
        log(`shutdown failed: ${error instanceof Error ? error.stack : String(error)}`);
        exit(1);
      },
    );
    return started;
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void stop(signal));
  return stop;
}
