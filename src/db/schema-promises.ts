// Tables of the promise ledger's capability, quotes and expectations (issue 4). Derived
// facts only: every row here can be rebuilt from the events and the promises table.
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { WeeklyHours } from '../kernel/domain-words.ts';
import { cases, customers, teams, workspaces } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Weekly opening hours per weekday (0 = Sunday) as [start, end) minute-of-day intervals. */
export type { WeeklyHours };

/**
 * Business calendars: the workspace's (team_id null) and optionally one per team. Quotes are
 * computed in business minutes where a calendar exists, in elapsed minutes where none does.
 */
export const businessCalendars = pgTable(
  'business_calendars',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    teamId: uuid('team_id').references(() => teams.id),
    timeZone: text('time_zone').notNull(),
    weeklyHours: jsonb('weekly_hours').$type<WeeklyHours>().notNull(),
    /** Local dates (YYYY-MM-DD) on which the team does not work. */
    holidays: text('holidays')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('business_calendars_workspace_idx').on(t.workspaceId, t.teamId)],
);

/**
 * How long a piece of work really took, appended when it completes (first answer sent, case
 * resolved, promise kept) or fails (promise broken: `censored`, the duration is a lower bound).
 * Compact on purpose: the quote reads the latest few thousand rows of one kind through
 * `promise_durations_quote_idx`, however many million rows the history holds.
 */
export const promiseDurations = pgTable(
  'promise_durations',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    language: text('language'),
    priority: text('priority').notNull().default('normal'),
    teamId: uuid('team_id'),
    category: text('category'),
    ownerId: uuid('owner_id'),
    caseId: uuid('case_id'),
    promiseId: uuid('promise_id'),
    startedAt: ts('started_at').notNull(),
    completedAt: ts('completed_at').notNull(),
    minutes: integer('minutes').notNull(),
    /** Null when the workspace had no business calendar at the time. */
    businessMinutes: integer('business_minutes'),
    censored: integer('censored').notNull().default(0),
  },
  (t) => [index('promise_durations_quote_idx').on(t.workspaceId, t.kind, t.completedAt)],
);

/** "By when do you expect an answer?" — asked at intake (portal form) or by a signed link. */
export const customerExpectations = pgTable(
  'customer_expectations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel').notNull(),
    language: text('language'),
    /** 'hour' | 'today' | 'tomorrow' | 'week' | 'exact' */
    choice: text('choice').notNull(),
    expectedBy: ts('expected_by').notNull(),
    source: text('source').$type<'portal_form' | 'expect_link'>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('customer_expectations_workspace_idx').on(t.workspaceId, t.createdAt),
    index('customer_expectations_case_idx').on(t.caseId),
  ],
);
