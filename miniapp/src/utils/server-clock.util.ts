import { chinaDate } from '@beian/shared';

/**
 * The server's clock minus the device's, from a time the server sent (0 when unreadable). Deadlines and "today" follow
 * the server: the device's clock may be wrong, and a simulated server clock runs ahead of it.
 */
export function serverClockOffset(serverTime: string, deviceNow = Date.now()): number {
  const offset = Date.parse(serverTime) - deviceNow;
  return Number.isNaN(offset) ? 0 : offset;
}

/** The server's current time, from the device's clock and the offset. */
export function serverNow(offsetMs: number, deviceNow = Date.now()): Date {
  return new Date(deviceNow + offsetMs);
}

/** Today in China (`YYYY-MM-DD`) on the server's clock. */
export function serverToday(offsetMs: number, deviceNow = Date.now()): string {
  return chinaDate(serverNow(offsetMs, deviceNow));
}
