/** GET /api/admin/outbox/dead and /api/admin/jobs/dead (admin): work that failed its last attempt. */
export interface DeadLetter {
  id: number;
  type: string;
  /** The order an outbox message is about; null for jobs. */
  aggregateId: string | null;
  dedupeKey: string;
  attempts: number;
  lastError: string | null;
  /** When the last attempt was due. */
  dueAt: string;
  createdAt: string;
}

/** POST /api/admin/outbox/:id/requeue and /api/admin/jobs/:id/requeue: due now, attempts reset. */
export interface RequeueResponse {
  id: number;
  status: 'pending';
}
