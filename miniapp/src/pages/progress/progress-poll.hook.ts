import { useCallback, useEffect, useRef, useState } from 'react';
import { useDidHide, useDidShow, useUnload } from '@tarojs/taro';
import { applicantEditScope, isOrderState, type OrderProgress, type OrderRejection } from '@beian/shared';
import { getOrder } from '../../services/orders.api';
import { pollProgress } from '../../services/progress.api';
import { ApiError } from '../../services/request';
import { serverClockOffset } from '../../utils/server-clock.util';

const POLL_INTERVAL_MS = 3000;

export interface ProgressView {
  progress: OrderProgress | null;
  /** Why the order was returned (初审驳回, 资源失效退回), per field, read from the order when it was. */
  rejections: OrderRejection[];
  error: string | null;
  /** The server's clock minus the device's, from the last full answer: countdowns use the server's time. */
  clockOffsetMs: number;
}

/**
 * The order's progress, polled while the page is visible: each poll sends the last `ETag`, so an unchanged order
 * answers 304. Polling stops when the page is hidden or closed and resumes when it shows again.
 */
export function useProgressPoll(orderId: string | undefined): ProgressView & { refresh: () => void } {
  const [view, setView] = useState<ProgressView>({ progress: null, rejections: [], error: null, clockOffsetMs: 0 });
  const etag = useRef<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const active = useRef(false);

  const stop = useCallback(() => {
    active.current = false;
    clearTimeout(timer.current);
  }, []);

  const tick = useCallback(async () => {
    if (!orderId || !active.current) return;
    try {
      const answer = await pollProgress(orderId, etag.current);
      if (answer.changed) {
        etag.current = answer.etag;
        const clockOffsetMs = serverClockOffset(answer.progress.now);
        const { status } = answer.progress;
        const rejections = isOrderState(status) && applicantEditScope(status) === 'rejected_fields' ? (await getOrder(orderId)).rejections : [];
        setView({ progress: answer.progress, rejections, error: null, clockOffsetMs });
      } else {
        setView((current) => (current.error ? { ...current, error: null } : current));
      }
    } catch (error) {
      setView((current) => ({ ...current, error: error instanceof ApiError ? error.message : '进度加载失败，将自动重试' }));
    }
    if (active.current) timer.current = setTimeout(() => void tick(), POLL_INTERVAL_MS);
  }, [orderId]);

  const start = useCallback(() => {
    if (active.current) return;
    active.current = true;
    void tick();
  }, [tick]);

  /** Polls now, e.g. right after the user changed the order. */
  const refresh = useCallback(() => {
    if (!active.current) return;
    clearTimeout(timer.current);
    void tick();
  }, [tick]);

  useDidShow(start);
  useDidHide(stop);
  useUnload(stop);
  useEffect(() => stop, [stop]);

  return { ...view, refresh };
}

/** The server's current time (the device's plus `offsetMs`), refreshed every `intervalMs` while `enabled` (for countdowns). */
export function useNow(enabled: boolean, offsetMs: number, intervalMs = 1000): number {
  const [deviceNow, setDeviceNow] = useState(() => Date.now());
  useEffect(() => {
    if (!enabled) return undefined;
    const handle = setInterval(() => setDeviceNow(Date.now()), intervalMs);
    return () => clearInterval(handle);
  }, [enabled, intervalMs]);
  return deviceNow + offsetMs;
}
