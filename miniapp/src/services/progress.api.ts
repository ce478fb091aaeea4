import type { OrderProgress } from '@beian/shared';
import { exchange } from './request';

export type ProgressAnswer = { changed: true; progress: OrderProgress; etag: string | undefined } | { changed: false };

/** One poll of the progress page: with the last `ETag`, an unchanged order answers 304 and costs almost nothing. */
export async function pollProgress(orderId: string, etag?: string): Promise<ProgressAnswer> {
  const answer = await exchange<OrderProgress>(`/api/orders/${encodeURIComponent(orderId)}/progress`, { ifNoneMatch: etag });
  if (answer.notModified) return { changed: false };
  return { changed: true, progress: answer.data, etag: answer.headers.etag };
}
