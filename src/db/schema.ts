// One schema for PGlite and PostgreSQL. Every row belongs to a workspace; queries always
// filter by workspace_id first, and the indexes lead with it.
import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  customType,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { WorkspaceSettings } from '../contract/api-types.ts';
import type {
  CasePriority,
  CaseStatus,
  ComplaintKind,
  ComplaintSource,
  PromiseBreach,
  Role,
} from '../kernel/domain-words.ts';

/** A text's searchable words (PostgreSQL's tsvector), computed by the database, never written by Kept. */
const searchVector = customType<{ data: string; driverData: string }>({ dataType: () => 'tsvector' });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const workspaces = pgTable('workspaces', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  slug: text('slug').notNull().unique(),
  defaultLanguage: text('default_language').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('UTC'),
  settings: jsonb('settings').$type<WorkspaceSettings>().notNull(),
  /** Signs the customers' portal links. */
  portalSecret: text('portal_secret').notNull(),
  createdAt: createdAt(),
});

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  // "Billing" and "billing" would be indistinguishable on the dashboard.
  (t) => [uniqueIndex('teams_workspace_name_key').on(t.workspaceId, sql`lower(${t.name})`)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').$type<Role>().notNull(),
    passwordHash: text('password_hash').notNull(),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    teamId: uuid('team_id').references(() => teams.id),
    capacity: integer('capacity').notNull().default(20),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_email_key').on(t.email), index('users_workspace_idx').on(t.workspaceId)],
);

export const customers = pgTable(
  'customers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    language: text('language'),
    externalId: text('external_id'),
    /** Set when mail to this address bounced for good (a DSN): agents see it before writing again. */
    emailBouncedAt: ts('email_bounced_at'),
    emailBounceReason: text('email_bounce_reason'),
    createdAt: createdAt(),
    /** Search (issue 16): the words of the name, the address and the phone (also as bare digits). */
    searchVector: searchVector('search_vector').generatedAlwaysAs(
      sql`kept_search_vector(null, kept_customer_words(name, email, phone))`,
    ),
  },
  (t) => [
    uniqueIndex('customers_workspace_email_key').on(t.workspaceId, t.email),
    // The target of purchases' (workspace_id, customer_id) key.
    uniqueIndex('customers_workspace_id_key').on(t.workspaceId, t.id),
    index('customers_workspace_phone_idx').on(t.workspaceId, t.phone),
    index('customers_search_idx').using('gin', t.searchVector),
    // Partial: most customers have no external id, and a null never clashes anyway.
    uniqueIndex('customers_workspace_external_key')
      .on(t.workspaceId, t.externalId)
      .where(sql`external_id is not null`),
  ],
);

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Global sequence: the customer-facing reference is K-<number>. */
    number: bigserial('number', { mode: 'number' }).notNull().unique(),
    // The workspace through the customer's key (workspace_id, customer_id): see "Keys of the hot tables" in docs/ARCHITECTURE.md.
    workspaceId: uuid('workspace_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    subject: text('subject').notNull(),
    status: text('status').$type<CaseStatus>().notNull(),
    channel: text('channel').notNull(),
    language: text('language'),
    priority: text('priority').$type<CasePriority>().notNull().default('normal'),
    isComplaint: boolean('is_complaint').notNull().default(false),
    /** K12 (src/desk/complaints/): what the complaint is about, who or what marked it and why; kept after an unmark. */
    complaintKind: text('complaint_kind').$type<ComplaintKind>(),
    complaintSource: text('complaint_source').$type<ComplaintSource>(),
    complaintReason: text('complaint_reason'),
    complaintMarkedAt: ts('complaint_marked_at'),
    /** Set when a person unmarks it: the customer's words on the case no longer mark it again. */
    complaintUnmarkedAt: ts('complaint_unmarked_at'),
    /** Free category (billing, delivery...): one of the groups capability quotes learn by. */
    category: text('category'),
    /** Free labels agents put on a case (issue 16); searched and filtered, never analysed. */
    tags: text('tags')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ownerId: uuid('owner_id').references(() => users.id),
    lastCustomerMessageAt: ts('last_customer_message_at'),
    lastAcknowledgedAt: ts('last_acknowledged_at'),
    hellFlaggedAt: ts('hell_flagged_at'),
    hellReasons: jsonb('hell_reasons').$type<Array<{ metric: string; value: number; threshold: number }>>(),
    createdAt: createdAt(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    /** Search (issue 16): the subject's words, folded and stemmed by the SQL functions of migration 0017. */
    searchVector: searchVector('search_vector').generatedAlwaysAs(sql`kept_search_vector(language, subject)`),
  },
  (t) => [
    index('cases_workspace_owner_status_idx').on(t.workspaceId, t.ownerId, t.status),
    index('cases_workspace_status_idx').on(t.workspaceId, t.status, t.createdAt),
    index('cases_customer_idx').on(t.customerId, t.createdAt),
    // The complaint reports and the complaints queue read complaints only: few of all cases. What they
    // group by is in the key too, so they read the index alone (issue 15: at 1,100,000 cases, visiting
    // the year's ~10,000 complaint rows cost 275–440 ms with a cold cache).
    index('cases_complaint_idx')
      .on(t.workspaceId, t.createdAt, t.status, t.customerId, t.channel, t.complaintKind, t.complaintSource)
      .where(sql`is_complaint`),
    index('cases_hell_idx')
      .on(t.workspaceId, t.hellFlaggedAt)
      .where(sql`hell_flagged_at is not null`),
    // The target of the (workspace_id, case_id) keys of the tables intake writes.
    uniqueIndex('cases_workspace_id_key').on(t.workspaceId, t.id),
    index('cases_search_idx').using('gin', t.searchVector),
    foreignKey({
      name: 'cases_customer_fk',
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    caseId: uuid('case_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    channel: text('channel').notNull(),
    internal: boolean('internal').notNull().default(false),
    body: text('body').notNull(),
    language: text('language'),
    authorUserId: uuid('author_user_id').references(() => users.id),
    /** For channel-specific ids (e-mail Message-ID): threading and de-duplication. */
    externalId: text('external_id'),
    /** E-mail: the quoted history and signature, folded away under the new part (body). */
    quotedText: text('quoted_text'),
    /** E-mail: the HTML body, already sanitized (no scripts, remote images held back). */
    htmlBody: text('html_body'),
    answeredAt: ts('answered_at'),
    createdAt: createdAt(),
    /**
     * Search (issue 16): the message's words, folded and stemmed (docs/ARCHITECTURE.md, "Finding work").
     * Stored, not an expression index: a query that reads many rows tests each row's stored words
     * instead of analysing its text again (a common word cost 1.8 s per search that way).
     */
    searchVector: searchVector('search_vector').generatedAlwaysAs(sql`kept_search_vector(language, body)`),
  },
  (t) => [
    index('messages_case_idx').on(t.caseId, t.createdAt),
    // A customer's timeline across all their cases.
    index('messages_customer_idx').on(t.customerId, t.createdAt),
    // The unanswered queue: tiny, because answered messages leave it.
    index('messages_unanswered_idx')
      .on(t.workspaceId, t.createdAt)
      .where(sql`direction = 'inbound' and internal = false and answered_at is null`),
    index('messages_search_idx').using('gin', t.searchVector),
    // Partial: only e-mail has external ids (Message-ID); a null never clashes anyway, and every
    // other message skipped an index insert (docs/BENCHMARKS.md, "Core desk").
    uniqueIndex('messages_workspace_external_key')
      .on(t.workspaceId, t.externalId)
      .where(sql`external_id is not null`),
    foreignKey({
      name: 'messages_case_fk',
      columns: [t.workspaceId, t.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }),
    foreignKey({
      name: 'messages_customer_fk',
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

export const events = pgTable(
  'events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // Checked through the case's and the customer's keys; an event of neither (a mailbox's) is
    // written from a row of that workspace (docs/ARCHITECTURE.md, "Keys of the hot tables").
    workspaceId: uuid('workspace_id').notNull(),
    caseId: uuid('case_id'),
    customerId: uuid('customer_id'),
    type: text('type').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    occurredAt: ts('occurred_at').notNull().defaultNow(),
  },
  (t) => [
    index('events_case_idx').on(t.caseId, t.id),
    index('events_customer_idx').on(t.customerId, t.id),
    index('events_workspace_type_idx').on(t.workspaceId, t.type, t.occurredAt),
    foreignKey({
      name: 'events_case_fk',
      columns: [t.workspaceId, t.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }),
    foreignKey({
      name: 'events_customer_fk',
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

export const acknowledgements = pgTable(
  'acknowledgements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    caseId: uuid('case_id').notNull(),
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    reference: text('reference').notNull(),
    promisedBy: ts('promised_by').notNull(),
    language: text('language').notNull(),
    channel: text('channel').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    delivered: boolean('delivered').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('acknowledgements_case_idx').on(t.caseId, t.createdAt),
    foreignKey({
      name: 'acknowledgements_case_fk',
      columns: [t.workspaceId, t.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }),
  ],
);

export const promises = pgTable(
  'promises',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id').notNull(),
    caseId: uuid('case_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    channel: text('channel').notNull(),
    description: text('description').notNull(),
    dueAt: ts('due_at').notNull(),
    status: text('status').$type<'open' | 'kept' | 'broken' | 'renegotiated'>().notNull().default('open'),
    remindedAt: ts('reminded_at'),
    resolvedAt: ts('resolved_at'),
    /** The capability quote when the promise was made (issue 4), and whether a faster time was confirmed. */
    quotedDueAt: ts('quoted_due_at'),
    overPromiseConfirmed: boolean('over_promise_confirmed').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('promises_workspace_status_due_idx').on(t.workspaceId, t.status, t.dueAt),
    index('promises_case_idx').on(t.caseId),
    foreignKey({
      name: 'promises_case_fk',
      columns: [t.workspaceId, t.caseId],
      foreignColumns: [cases.workspaceId, cases.id],
    }),
    foreignKey({
      name: 'promises_customer_fk',
      columns: [t.workspaceId, t.customerId],
      foreignColumns: [customers.workspaceId, customers.id],
    }),
  ],
);

export const escalations = pgTable(
  'escalations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    via: text('via').notNull(),
    reason: text('reason').notNull(),
    level: integer('level').notNull().default(1),
    status: text('status').$type<'open' | 'answered' | 'closed'>().notNull().default('open'),
    deadlineAt: ts('deadline_at').notNull(),
    answeredAt: ts('answered_at'),
    answeredBy: uuid('answered_by').references(() => users.id),
    answerMessageId: uuid('answer_message_id').references(() => messages.id),
    closedAt: ts('closed_at'),
    createdAt: createdAt(),
    /** Its one task for a person (a breach, a missed deadline): updated and handed up, never one per level. */
    taskId: uuid('task_id').references(() => tasks.id),
    /** When a deadline was first missed at the top of the organisation, where it only reminds. */
    overdueAtTopAt: ts('overdue_at_top_at'),
    /** The next reminder at the top: its timer's time, which also makes a repeated delivery a no-op. */
    remindAt: ts('remind_at'),
    /** Promises broken while it was open, as the supervisor is shown them (the facts are the events). */
    breaches: jsonb('breaches')
      .$type<PromiseBreach[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
  },
  (t) => [
    index('escalations_workspace_status_idx').on(t.workspaceId, t.status, t.deadlineAt),
    index('escalations_case_idx').on(t.caseId),
    // A task list shows the level of each escalation's task.
    index('escalations_task_idx').on(t.taskId),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    caseId: uuid('case_id').references(() => cases.id),
    assigneeId: uuid('assignee_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    sourceMessageId: uuid('source_message_id').references(() => messages.id),
    dueAt: ts('due_at').notNull(),
    doneAt: ts('done_at'),
    createdAt: createdAt(),
  },
  (t) => [index('tasks_workspace_assignee_idx').on(t.workspaceId, t.assigneeId, t.doneAt)],
);

/** A bare table the benchmarks insert into, to measure the store's raw rate beside the real pipeline. */
export const benchProbe = pgTable('bench_probe', {
  id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
  workspaceId: uuid('workspace_id').notNull(),
  body: text('body').notNull(),
  createdAt: createdAt(),
});
