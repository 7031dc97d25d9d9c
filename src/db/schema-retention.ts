// Retention (issue 5): purchases imported from shops and order logs, and what is derived from
// them. `purchases` and `imports` are facts; `customer_value`, `customer_scores` and `retention_rollups` are derived and can be rebuilt from them at any
// time (`rebuildRetention`, `refreshScores`).
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { ImportPhase, ImportStatus } from '../kernel/domain-words.ts';
import { users, workspaces } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One import run and its report (rows read, imported, skipped with reasons and lines). */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    format: text('format').$type<'csv' | 'cdnow' | 'shopify'>().notNull(),
    source: text('source').notNull(),
    status: text('status').$type<ImportStatus>().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    report: jsonb('report').$type<Record<string, unknown>>(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    // Progress while it runs, readable from another connection (written outside the import's
    // transaction): the phase, data records read and bytes read so far, and the file's size when known.
    phase: text('phase').$type<ImportPhase>(),
    rowsRead: integer('rows_read').notNull().default(0),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    bytesTotal: bigint('bytes_total', { mode: 'number' }),
  },
  (t) => [index('imports_workspace_idx').on(t.workspaceId, t.startedAt)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * An uploaded file waiting for (or being read by) its background import: stored with the
 * `imports` row before the upload is answered, so an accepted upload is never lost; deleted when
 * the import finishes. In the store rather than the data directory so any instance can run it.
 */
export const importUploads = pgTable('import_uploads', {
  importId: uuid('import_id')
    .primaryKey()
    .references(() => imports.id, { onDelete: 'cascade' }),
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id),
  content: bytea('content').notNull(),
  /** how to read it: the column map and whether bad rows are skipped */
  options: jsonb('options').$type<{ map?: Record<string, string>; skipBadRows?: boolean }>().notNull(),
  /** set by POST /imports/:id/cancel on any instance; the instance running the import polls it */
  cancelRequestedAt: ts('cancel_requested_at'),
  /**
   * On the embedded store, where an import is applied in several committed transactions: the
   * highest purchase id before its first one, so a cancelled or crashed import's purchases are
   * found by id (and its import id) and deleted (import-undo.ts).
   */
  purchasesAfter: bigint('purchases_after', { mode: 'number' }),
});

/** The customers an import applied in committed chunks created, deleted with its purchases if it does not finish. */
export const importCreatedCustomers = pgTable(
  'import_created_customers',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    customerId: uuid('customer_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.importId, t.customerId] })],
);

/**
 * A purchase (an order, not a line item). `row_hash` is "o:<order id>" when the file has order
 * ids, else "h:<md5 of the row>:<occurrence>", so importing the same file twice adds nothing.
 */
export const purchases = pgTable(
  'purchases',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    // No foreign keys: each is a check per inserted row. The keys to the workspace and the import
    // went first (23.9 s of 46.5 s per 1,000,000 rows), the composite key to the customer next
    // (35% of the insert): a statement trigger (migration 0023) checks a statement's rows against
    // the customers of their workspace with one anti-join, and a customer with purchases cannot be
    // deleted; the import locks its customers FOR KEY SHARE as the key's checks did.
    workspaceId: uuid('workspace_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    orderId: text('order_id'),
    occurredAt: ts('occurred_at').notNull(),
    amount: numeric('amount', { precision: 14, scale: 2 }).notNull(),
    product: text('product'),
    channel: text('channel'),
    rowHash: text('row_hash').notNull(),
    importId: uuid('import_id'),
  },
  (t) => [
    uniqueIndex('purchases_workspace_row_hash_key').on(t.workspaceId, t.rowHash),
    index('purchases_customer_idx').on(t.workspaceId, t.customerId, t.occurredAt),
  ],
);

/**
 * One row per purchasing customer, maintained on import for the customers an import touched:
 * the buy-till-you-die summary on a day grid (UTC calendar days) and what the dashboards need.
 */
export const customerValue = pgTable(
  'customer_value',
  {
    workspaceId: uuid('workspace_id').notNull(),
    // No foreign keys on derived tables: they are rebuilt in bulk and deleted with the facts
    // (a workspace key's check cost 4.8 s per 1,000,000 rows written).
    customerId: uuid('customer_id').notNull(),
    firstDay: date('first_day', { mode: 'string' }).notNull(),
    secondDay: date('second_day', { mode: 'string' }),
    lastDay: date('last_day', { mode: 'string' }).notNull(),
    /** distinct purchase days (x + 1) */
    purchaseDays: integer('purchase_days').notNull(),
    orders: integer('orders').notNull(),
    revenue: numeric('revenue', { precision: 16, scale: 2 }).notNull(),
    /** revenue on the days after the first purchase day (Gamma-Gamma's monetary × x) */
    repeatRevenue: numeric('repeat_revenue', { precision: 16, scale: 2 }).notNull(),
    acquisitionChannel: text('acquisition_channel'),
    acquisitionProduct: text('acquisition_product'),
    /**
     * First days of the months with a purchase, ascending: the cohort heat map and the
     * active-customer counts. An array on the customer's row rather than a row per month
     * (4.5 rows per customer), because a full rebuild wrote those rows slower than everything else.
     */
    months: date('months', { mode: 'string' })
      .array()
      .notNull()
      .default(sql`'{}'::date[]`),
  },
  // No index on (workspace, first_day): no query used it (every cohort and rollup reads a
  // workspace's summaries whole), and its inserts at random positions were a sixth of a full rebuild.
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId] })],
);

/**
 * Per-customer CLV and churn risk, recomputed as a whole by `refreshScores` (delete the
 * workspace's rows, insert a million new ones, one transaction). The key carries computed_at
 * so a new row never shares its key with the row it replaces: with (workspace_id,
 * customer_id) alone, each insert's uniqueness check visited the just-deleted heap tuple —
 * 22 s instead of 15 s for 1,000,000 rows. One row per customer is kept by the refresh
 * itself (it holds a per-workspace lock); lookups by customer use the key's prefix.
 */
export const customerScores = pgTable(
  'customer_scores',
  {
    workspaceId: uuid('workspace_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    x: integer('x').notNull(),
    tx: integer('t_x').notNull(),
    T: integer('t').notNull(),
    monetary: doublePrecision('monetary').notNull(),
    expectedPurchases: doublePrecision('expected_purchases').notNull(),
    pAlive: doublePrecision('p_alive').notNull(),
    expectedSpend: doublePrecision('expected_spend').notNull(),
    clv: doublePrecision('clv').notNull(),
    risk: integer('risk').notNull(),
    /** the service reasons (complaint, broken promises, service hell) with their facts */
    riskReasons: jsonb('risk_reasons').$type<unknown[]>().notNull(),
    /**
     * The purchase reasons as numbers (points 0 = not a reason), worded when read: building a
     * JSON document per customer cost more than the rest of the row.
     */
    overduePoints: smallint('overdue_points').notNull().default(0),
    gapDays: integer('gap_days').notNull().default(0),
    lowPAlivePoints: smallint('low_p_alive_points').notNull().default(0),
    valueAtRisk: doublePrecision('value_at_risk').notNull(),
    /**
     * False for a customer at risk through service alone (a complaint, broken promises, service
     * hell) who has never bought: listed with the buyers, labelled, with no CLV. Their purchase
     * columns are zeros and are not read (issue 17).
     */
    hasPurchases: boolean('has_purchases').notNull().default(true),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.customerId, t.computedAt] }),
    // The at-risk list's service-only scope: a few rows among a million, so its inserts cost nothing.
    index('customer_scores_service_only_idx')
      .on(t.workspaceId)
      .where(sql`not ${t.hasPurchases}`),
    // No index on value_at_risk: every refresh rewrites a workspace's rows, and inserting
    // 1,000,000 of them at random places in that index cost ~4 s of the write; the at-risk
    // list sorts its page out of one scan instead (0.2–0.3 s at that size; docs/BENCHMARKS.md).
  ],
);

/** Precomputed dashboard figures (cohort cells, Lorenz curve, fits), one JSON document each. */
export const retentionRollups = pgTable(
  'retention_rollups',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    name: text('name').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    computedAt: ts('computed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.name] })],
);

/** Risk weights and churn definitions per workspace (defaults in retention-settings.ts). */
export const retentionSettings = pgTable('retention_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** What it costs to win a customer through a channel, entered by an admin. */
export const acquisitionCosts = pgTable(
  'acquisition_costs',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    channel: text('channel').notNull(),
    costPerCustomer: numeric('cost_per_customer', { precision: 14, scale: 2 }).notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.channel] })],
);
