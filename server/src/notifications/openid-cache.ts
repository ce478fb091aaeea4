/** How many users' openids a process keeps. */
const KEPT_OPENIDS = 10_000;

/**
 * A user's openid never changes once set (login finds the account by it), so a found one is kept and the lookup
 * is skipped on the user's next message; a user without one is looked up again each time.
 */
export function cachedOpenids(lookup: (userId: string) => Promise<string | null>): (userId: string) => Promise<string | null> {
  const known = new Map<string, string>();
  return async (userId) => {
    const kept = known.get(userId);
    if (kept) return kept;
    const openid = await lookup(userId);
    if (openid) {
      if (known.size >= KEPT_OPENIDS) known.delete(known.keys().next().value!);
      known.set(userId, openid);
    }
    return openid;
  };
}
