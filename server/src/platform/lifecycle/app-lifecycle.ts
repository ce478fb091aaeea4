import { Injectable } from '@nestjs/common';

/** Something that claims rows under a lease (job runner, outbox worker) and can hand them back on shutdown. */
export interface LeaseHolder {
  releaseLeases(): Promise<number>;
}

/**
 * Whether this process is stopping. Set when SIGTERM arrives: readiness answers 503 from then on and the job
 * runner and outbox worker claim no more rows; in-flight requests and the round in progress still finish.
 */
@Injectable()
export class AppLifecycle {
  private drainingSince: Date | null = null;
  private readonly listeners: (() => void)[] = [];
  private readonly leaseHolders: LeaseHolder[] = [];

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  /** Idempotent; listeners run once, on the first call. */
  startDraining(): void {
    if (this.drainingSince) return;
    this.drainingSince = new Date();
    for (const listener of this.listeners.splice(0)) listener();
  }

  onDraining(listener: () => void): void {
    if (this.drainingSince) listener();
    else this.listeners.push(listener);
  }

  holdsLeases(holder: LeaseHolder): void {
    this.leaseHolders.push(holder);
  }

  /** Hands back every leased row of this process (when the grace period ran out with work still running). */
  async releaseAllLeases(): Promise<number> {
    const released = await Promise.allSettled(this.leaseHolders.map((h) => h.releaseLeases()));
    return released.reduce((sum, r) => sum + (r.status === 'fulfilled' ? r.value : 0), 0);
  }
}
