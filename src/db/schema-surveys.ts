// Surveys (issue 15: K16 satisfaction, effort and NPS; K17 the managers' own ratings). The
// answers' facts are events (`survey.sent`, `survey.answered`); these rows are the work queue
// and its exactly-once keys, and the settings and self-ratings people enter.
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { PerceptionAreaKind, SurveyKind, SurveySkipReason, SurveyStatus } from '../kernel/domain-words.ts';
import { cases, customers, users, workspaces } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** Per-workspace survey settings; a workspace without a row has the defaults (survey-settings.ts). */
export const surveySettings = pgTable('survey_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  enabled: boolean('enabled').notNull(),
  /** How long after resolution the survey goes, in business minutes of the owner's team calendar. */
  delayBusinessMinutes: integer('delay_business_minutes').notNull(),
  askEffort: boolean('ask_effort').notNull(),
  throttleDays: integer('throttle_days').notNull(),
  /** 0: no NPS survey. */
  npsIntervalDays: integer('nps_interval_days').notNull(),
  /** A survey offered in the portal (the case came through it) also goes by e-mail when the customer has an address. */
  emailPortalSurveys: boolean('email_portal_surveys').notNull().default(true),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** One survey to one customer: scheduled, then sent or skipped (with the rule), then maybe answered. */
export const surveyRequests = pgTable(
  'survey_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** `case:<id>` for a satisfaction survey, `nps:<customer>:<period>` for NPS: one survey per key, however many instances plan it. */
    dedupeKey: text('dedupe_key').notNull(),
    kind: text('kind').$type<SurveyKind>().notNull(),
    caseId: uuid('case_id').references(() => cases.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    channel: text('channel').notNull(),
    language: text('language'),
    askEffort: boolean('ask_effort').notNull().default(false),
    status: text('status').$type<SurveyStatus>().notNull().default('scheduled'),
    skipReason: text('skip_reason').$type<SurveySkipReason>(),
    sendAt: ts('send_at').notNull(),
    sentAt: ts('sent_at'),
    answeredAt: ts('answered_at'),
    score: integer('score'),
    effort: integer('effort'),
    comment: text('comment'),
    /** The supervisor's follow-up after a low score: opened once, however often the answer is revised. */
    followUpTaskId: uuid('follow_up_task_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('survey_requests_dedupe_key').on(t.workspaceId, t.dedupeKey),
    // Throttling asks: when was this customer last sent a survey?
    index('survey_requests_customer_idx').on(t.customerId, t.sentAt),
    // The sender's sweep: the surveys of a workspace due now, among a million answered ones.
    index('survey_requests_due_idx')
      .on(t.workspaceId, t.sendAt)
      .where(sql`status = 'scheduled'`),
    // The report's latest comments: read newest first and stopped at 50, not sorted out of every answer.
    index('survey_requests_comments_idx')
      .on(t.workspaceId, t.answeredAt)
      .where(sql`comment <> ''`),
  ],
);

const count = (name: string) => integer(name).notNull().default(0);

/**
 * The survey reports' daily (and monthly) tally (issue 15, "Speed and scale"): per workspace, UTC day the survey
 * was decided (sent or held back), kind, and grouping (`all`, team, owner, channel, language,
 * caseKind, and `skipped` per reason), the counts every report figure is rebuilt from. Derived
 * from the facts, never the record: written in the transactions that append `survey.sent`,
 * `survey.skipped` and `survey.answered`, and rebuilt from the events and survey rows by
 * `rebuildSurveyTallies` (survey-tally.ts). UTC days because the reports' months and quarters are
 * UTC; a period's partial edge days are read live, so any [from, to) gives the same figures.
 */
export const surveyTallies = pgTable(
  'survey_tallies',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** `day`, or `month`: the same counts summed per month (day = its first), so a year reads ~12 rows a group, not 365. */
    grain: text('grain').$type<'day' | 'month'>().notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    kind: text('kind').$type<SurveyKind>().notNull(),
    dim: text('dim').notNull(),
    /** The group's key ('' when the survey had none: no owner, team, kind or language); 'all' under `all`. */
    key: text('key').notNull(),
    /** Surveys decided, sent or held back. */
    surveys: count('surveys'),
    sent: count('sent'),
    // The latest answers of the surveys sent, by score (satisfaction 1–5, NPS 0–10).
    s0: count('s0'),
    s1: count('s1'),
    s2: count('s2'),
    s3: count('s3'),
    s4: count('s4'),
    s5: count('s5'),
    s6: count('s6'),
    s7: count('s7'),
    s8: count('s8'),
    s9: count('s9'),
    s10: count('s10'),
    effortSum: count('effort_sum'),
    effortCount: count('effort_count'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.grain, t.day, t.kind, t.dim, t.key] })],
);

/** "Do not send me surveys": asked on the answer page; never surveyed again. */
export const surveyOptOuts = pgTable(
  'survey_opt_outs',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    customerId: uuid('customer_id')
      .notNull()
      .references(() => customers.id),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] })],
);

/** K17: how good a manager believes the service of an area is, per period, on the customers' 1–5 scale. */
export const perceptionRatings = pgTable(
  'perception_ratings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** `2026-Q4` */
    period: text('period').notNull(),
    areaKind: text('area_kind').$type<PerceptionAreaKind>().notNull(),
    /** A team id, a channel, a touchpoint name; '' for overall. */
    areaKey: text('area_key').notNull(),
    rating: integer('rating').notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('perception_ratings_area_key').on(t.workspaceId, t.period, t.areaKind, t.areaKey),
    index('perception_ratings_workspace_idx').on(t.workspaceId, t.period),
  ],
);
