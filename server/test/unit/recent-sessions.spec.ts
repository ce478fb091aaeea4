import type { SessionUser } from '@beian/shared';
import { RecentSessions } from '../../src/auth/recent-sessions';

const user: SessionUser = { id: 'u1', nickname: '张三', roles: ['applicant'] };

describe('RecentSessions', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('should answer a session read less than the cache time ago, and forget it after', () => {
    const sessions = new RecentSessions(10_000, null);
    sessions.remember('hash', user, 1_000);

    jest.advanceTimersByTime(9_999);
    expect(sessions.get('hash')).toEqual({ user, expiresAt: 1_000, readAt: expect.any(Number) });

    jest.advanceTimersByTime(1);
    expect(sessions.get('hash')).toBeUndefined();
  });

  it('should keep nothing when the cache time is 0', () => {
    const sessions = new RecentSessions(0, null);
    sessions.remember('hash', user, 1_000);

    expect(sessions.get('hash')).toBeUndefined();
  });

  it('should forget a revoked session at once', async () => {
    const sessions = new RecentSessions(10_000, null);
    sessions.remember('hash', user, 1_000);

    await sessions.revoke('hash');

    expect(sessions.get('hash')).toBeUndefined();
  });

  it('should forget the oldest read first when full', () => {
    const sessions = new RecentSessions(10_000, null);
    for (let n = 0; n <= 50_000; n++) sessions.remember(`hash-${n}`, user, 1_000);

    expect(sessions.get('hash-0')).toBeUndefined();
    expect(sessions.get('hash-1')).toBeDefined();
    expect(sessions.get('hash-50000')).toBeDefined();
  });
});
