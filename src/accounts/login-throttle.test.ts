import { describe, expect, it } from 'vitest';
import { decideLoginThrottle, LOGIN_THROTTLE, type RecentFailures } from './login-throttle.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
/** `count` failures `spacingSeconds` apart, the newest `ageSeconds` ago. */
const failures = (count: number, ageSeconds = 0, spacingSeconds = 10): RecentFailures => ({
  count,
  newest: Array.from({ length: count }, (_, i) => new Date(NOW.getTime() - (ageSeconds + i * spacingSeconds) * 1000)),
});
const none = failures(0);
const WINDOW_SECONDS = LOGIN_THROTTLE.windowMinutes * 60;

describe('decideLoginThrottle', () => {
  it('lets an address try until it has failed 10 times on the account', () => {
    expect(decideLoginThrottle({ pair: failures(9), address: failures(9), account: 9 }, NOW)).toEqual({
      allowed: true,
    });
    expect(decideLoginThrottle({ pair: failures(10), address: failures(10), account: 10 }, NOW)).toMatchObject({
      allowed: false,
      scope: 'account_and_address',
    });
  });

  it('says when to come back: when the 10th newest failure leaves the 15-minute window', () => {
    // One a minute, the newest 2 minutes old: the 10th newest is 11 minutes old and leaves in 4.
    const seen = failures(12, 120, 60);
    const decision = decideLoginThrottle({ pair: seen, address: seen, account: 12 }, NOW);
    expect(decision).toEqual({ allowed: false, scope: 'account_and_address', retryAfterSeconds: 4 * 60 });
  });

  it('never locks an address with no failures on the account, whatever others did to it', () => {
    expect(decideLoginThrottle({ pair: none, address: none, account: 10_000 }, NOW)).toEqual({ allowed: true });
  });

  it('under attack from many addresses, 3 failures lock an address on that account', () => {
    const limit = LOGIN_THROTTLE.perAccountAndAddressUnderAttack;
    const attacked = LOGIN_THROTTLE.accountUnderAttack;
    const few = failures(limit - 1);
    const enough = failures(limit);
    expect(decideLoginThrottle({ pair: few, address: few, account: attacked }, NOW).allowed).toBe(true);
    expect(decideLoginThrottle({ pair: enough, address: enough, account: attacked }, NOW)).toMatchObject({
      allowed: false,
      scope: 'account_and_address',
    });
    expect(decideLoginThrottle({ pair: enough, address: enough, account: attacked - 1 }, NOW).allowed).toBe(true);
  });

  it('locks an address that failed 50 times across accounts, also for an account it has not tried', () => {
    // 50 failures 10 s apart, the newest just now: the 50th newest is 490 s old.
    expect(decideLoginThrottle({ pair: none, address: failures(50), account: 0 }, NOW)).toEqual({
      allowed: false,
      scope: 'address',
      retryAfterSeconds: WINDOW_SECONDS - 490,
    });
    expect(decideLoginThrottle({ pair: none, address: failures(49), account: 0 }, NOW).allowed).toBe(true);
  });

  it('with both locked, gives the later time and its scope', () => {
    // The pair's 10th newest is 90 s old (free in 810 s); the address's 50th newest 490 s (410 s).
    const decision = decideLoginThrottle({ pair: failures(10), address: failures(50), account: 10 }, NOW);
    expect(decision).toEqual({ allowed: false, scope: 'account_and_address', retryAfterSeconds: WINDOW_SECONDS - 90 });
    const recentSpray = decideLoginThrottle({ pair: failures(10, 600), address: failures(50), account: 10 }, NOW);
    expect(recentSpray).toEqual({ allowed: false, scope: 'address', retryAfterSeconds: WINDOW_SECONDS - 490 });
  });
});
