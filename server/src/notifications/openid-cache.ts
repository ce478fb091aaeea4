/** How many users' openids a process keeps. */
const KEPT_OPENIDS = 10_000;

/** The openids of users (a user without one is absent). */
export type OpenidLookup = (userIds: string[]) => Promise<Map<string, string>>;

/**
 * A user's openid never changes once set (login finds the account by it), so a found one is kept and the lookup
 * is skipped on the user's next message; users without one are looked up again each time, all in one lookup.
 */
export function cachedOpenids(lookup: OpenidLookup): OpenidLookup {
  const known = new Map<string, string>();
  return async (userIds) => {
    const found = new Map<string, string>();
    const unknown = [...new Set(userIds.filter((userId) => !known.has(userId)))];
    for (const userId of userIds) if (known.has(userId)) found.set(userId, known.get(userId)!);
    if (!unknown.length) return found;
    for (const [userId, openid] of await lookup(unknown)) {
      if (known.size >= KEPT_OPENIDS) known.delete(known.keys().next().value!);
      known.set(userId, openid);
      found.set(userId, openid);
    }
    return found;
  };
}
