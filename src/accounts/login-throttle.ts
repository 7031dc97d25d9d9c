// Who may try a password now. Failures are counted in the database (login_attempts), so every
// instance on one PostgreSQL sees the same counts, per account and per client address:
//
// - one address, one account: 10 failures in 15 minutes lock that pair — the attacker, not the
//   account: the owner signing in from anywhere else is not locked out by someone's guessing;
// - one address, any accounts: 50 failures lock the address (password spraying, many accounts);
// - one account, many addresses: from 30 failures on it (an attack spread over addresses), each
//   address that has failed on it 3 times is locked, so a botnet gets 3 guesses per address
//   instead of 10. An address with no failures on the account is never locked by others' failures,
//   so the owner's correct password still gets in however hard the account is being attacked.
//
// Behind a reverse proxy every client has the proxy's address unless KEPT_TRUST_PROXY names it.

export const LOGIN_THROTTLE = {
  windowMinutes: 15,
  perAccountAndAddress: 10,
  perAddress: 50,
  accountUnderAttack: 30,
  perAccountAndAddressUnderAttack: 3,
} as const;

export type LoginThrottleLimits = { [K in keyof typeof LOGIN_THROTTLE]: number };

/** Failures in the window: how many, and the times of the newest (newest first, at least as many as the limit). */
export interface RecentFailures {
  count: number;
  newest: Date[];
}

export interface LoginFailuresSeen {
  /** On this account from this address. */
  pair: RecentFailures;
  /** From this address on any account. */
  address: RecentFailures;
  /** On this account from any address. */
  account: number;
}

export type LoginThrottleDecision =
  { allowed: true } | { allowed: false; scope: 'account_and_address' | 'address'; retryAfterSeconds: number };

/** How many of the newest failures the rule may look at: the largest limit. */
export const NEWEST_NEEDED = Math.max(LOGIN_THROTTLE.perAccountAndAddress, LOGIN_THROTTLE.perAddress);

export function decideLoginThrottle(
  seen: LoginFailuresSeen,
  now: Date,
  limits: LoginThrottleLimits = LOGIN_THROTTLE,
): LoginThrottleDecision {
  const windowMs = limits.windowMinutes * 60_000;
  const underAttack = seen.account >= limits.accountUnderAttack;
  const pairLimit = underAttack ? limits.perAccountAndAddressUnderAttack : limits.perAccountAndAddress;
  const pairFreeAt = freeAt(seen.pair, pairLimit, windowMs, now);
  const addressFreeAt = freeAt(seen.address, limits.perAddress, windowMs, now);
  if (!pairFreeAt && !addressFreeAt) return { allowed: true };
  const later = Math.max(pairFreeAt?.getTime() ?? 0, addressFreeAt?.getTime() ?? 0);
  return {
    allowed: false,
    scope: addressFreeAt && addressFreeAt.getTime() === later ? 'address' : 'account_and_address',
    retryAfterSeconds: Math.max(1, Math.ceil((later - now.getTime()) / 1000)),
  };
}

/**
 * When fewer than `limit` failures will be left in the window, or null if that is already so:
 * once the limit-th newest failure has left the window, only limit - 1 remain.
 */
function freeAt(failures: RecentFailures, limit: number, windowMs: number, now: Date): Date | null {
  if (failures.count < limit) return null;
  const leaving = failures.newest[limit - 1];
  return new Date((leaving ?? now).getTime() + windowMs);
}
