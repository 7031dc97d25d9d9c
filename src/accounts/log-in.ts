import { and, eq, lte, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { loginAttempts } from '../db/schema-accounts.ts';
import { KeptError, RetryLaterError } from '../errors/kept-error.ts';
import { clientAddressKey } from '../net/client-address-key.ts';
import { decideLoginThrottle, LOGIN_THROTTLE, NEWEST_NEEDED, type LoginFailuresSeen } from './login-throttle.ts';
import { verifyPassword } from './password.ts';
import { startSession } from './sessions.ts';

// A hash to verify against when the e-mail is unknown, so a miss costs as long as a hit
// and response times do not reveal which e-mail addresses have accounts.
const DUMMY_HASH = '$argon2id$v=19$m=65536,p=4,t=3$88GUsQZf9Sg6+wxZzdYk1A$Nd6UYZVDaqSzEPj2c0B5Xf70dWhdGjZsP04vCJiQ+sk';

export interface LogInInput {
  email: string;
  password: string;
  /** The client's address as the server sees it (behind a trusted proxy, the forwarded one). */
  clientAddress: string;
}

/**
 * Checks a password under the login throttle (login-throttle.ts) and starts a session.
 * Unknown e-mails are throttled like accounts, so a 429 says nothing about who has one.
 */
export async function logIn(db: Db, input: LogInInput, now: Date) {
  const email = input.email.trim().toLowerCase();
  const address = clientAddressKey(input.clientAddress);
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowMinutes * 60_000);
  const attempt = await recordAttempt(db, email, address, now, since);
  const decision = decideLoginThrottle(attempt.seen, now);
  if (!decision.allowed) {
    // A refused attempt checked no password: it is not a failure, and must not prolong the lock.
    await db.delete(loginAttempts).where(eq(loginAttempts.id, attempt.id));
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    const who = decision.scope === 'address' ? 'from your address' : 'for this e-mail from your address';
    const message = `Too many failed logins ${who}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}`;
    throw new RetryLaterError('auth.rate_limited', message, decision.retryAfterSeconds);
  }
  const [user] = await db.select().from(users).where(eq(users.email, email));
  const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
  if (!user || !ok || !user.active) {
    // The attempt's row stays as a failure; rows that have left the window go.
    await db.delete(loginAttempts).where(lte(loginAttempts.attemptedAt, since));
    throw new KeptError('auth.invalid_credentials', 'The e-mail or the password is wrong');
  }
  // Right: this attempt and this address's earlier failures on the account are forgotten.
  await db.delete(loginAttempts).where(and(eq(loginAttempts.email, email), eq(loginAttempts.address, address)));
  return { token: await startSession(db, user, now), user };
}

/**
 * Writes the attempt before its password is checked, then reads the others. Two statements on
 * purpose: of two guesses sent at once, the one whose row was committed later reads the other's
 * (its read starts after both commits), so the n-th of a burst sees n - 1 and no more guesses
 * than the limit are checked. In one statement, concurrent snapshots would all see none.
 */
async function recordAttempt(db: Db, email: string, address: string, now: Date, since: Date) {
  const [mine] = await db
    .insert(loginAttempts)
    .values({ email, address, attemptedAt: now })
    .returning({ id: loginAttempts.id });
  const id = mine!.id;
  const after = since.toISOString();
  const recent = (pairOnly: boolean) => sql`(
    select coalesce(json_agg(r.attempted_at order by r.attempted_at desc), '[]'::json) from (
      select attempted_at from login_attempts
      where address = ${address} and attempted_at > ${after}::timestamptz and id <> ${id}
        ${pairOnly ? sql`and email = ${email}` : sql``}
      order by attempted_at desc limit ${NEWEST_NEEDED}) r)`;
  const count = (where: ReturnType<typeof sql>) => sql`(
    select count(*)::int from login_attempts where ${where} and attempted_at > ${after}::timestamptz and id <> ${id})`;
  const [row] = await queryRows<{
    account: number;
    address_count: number;
    pair_count: number;
    address_newest: string[];
    pair_newest: string[];
  }>(
    db,
    sql`select ${count(sql`email = ${email}`)} as account,
          ${count(sql`address = ${address}`)} as address_count,
          ${count(sql`address = ${address} and email = ${email}`)} as pair_count,
          ${recent(false)} as address_newest,
          ${recent(true)} as pair_newest`,
  );
  const dates = (list: string[]) => list.map((t) => new Date(t));
  const seen: LoginFailuresSeen = {
    account: row!.account,
    address: { count: row!.address_count, newest: dates(row!.address_newest) },
    pair: { count: row!.pair_count, newest: dates(row!.pair_newest) },
  };
  return { id, seen };
}
