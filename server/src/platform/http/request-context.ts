import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** A request id a client or balancer may pass in `x-request-id`: short, no spaces or control characters. */
const ACCEPTED_ID = /^[A-Za-z0-9._:@/+=-]{1,64}$/;

/** The caller's `x-request-id` when it is a sane one, else a fresh UUID. */
export function requestIdFrom(header: unknown): string {
  return typeof header === 'string' && ACCEPTED_ID.test(header) ? header : randomUUID();
}

const storage = new AsyncLocalStorage<{ requestId: string }>();

/**
 * The id of the request (or of the job or outbox message) whose work is running, carried across awaits. Jobs and
 * outbox messages written meanwhile keep it in `request_id`, and their handlers run under it again, so one id
 * follows a change from the HTTP request through the jobs and deliveries it caused.
 */
export const RequestContext = {
  currentId(): string | null {
    return storage.getStore()?.requestId ?? null;
  },
  /** Runs `work` under `requestId` (none: outside any request). */
  run<T>(requestId: string | null, work: () => T): T {
    return requestId ? storage.run({ requestId }, work) : storage.exit(work);
  },
};
