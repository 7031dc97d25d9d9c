// Tables of sign-in (src/accounts/): sessions, API tokens and the login throttle's attempts.
import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users, workspaces } from './schema.ts';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const sessions = pgTable('sessions', {
  /** sha256 of the cookie value: a stolen table does not yield live sessions. */
  id: text('id').primaryKey(),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  expiresAt: ts('expires_at').notNull(),
  createdAt: createdAt(),
});

export const apiTokens = pgTable('api_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  userId: uuid('user_id')
    .notNull()
    .references(() => users.id),
  name: text('name').notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  lastUsedAt: ts('last_used_at'),
  createdAt: createdAt(),
});

/**
 * Password attempts inside the login throttle's window (src/accounts/log-in.ts): a row is written
 * before the password is checked and removed when it was right, so guesses sent at once all count,
 * on every instance. Not a workspace's row: the e-mail is whatever was typed, an account or not.
 * Rows past the window are deleted by later failures.
 */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** As typed, trimmed and lower-cased. */
    email: text('email').notNull(),
    /** The client's address key (src/net/client-address-key.ts): an IPv6 /64 is one address. */
    address: text('address').notNull(),
    attemptedAt: ts('attempted_at').notNull(),
  },
  (t) => [
    index('login_attempts_email_idx').on(t.email, t.attemptedAt),
    index('login_attempts_address_idx').on(t.address, t.attemptedAt),
    index('login_attempts_time_idx').on(t.attemptedAt),
  ],
);
