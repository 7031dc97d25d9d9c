// The case tally (issue 15, complaint reports at 1,000,000 cases): counts derived from `cases`
// alone, kept by triggers on `cases` (migration "case_tally"), so that every writer — intake,
// a complaint mark or unmark, a low survey score, a supervisor request, the demo, a bench's bulk
// insert — keeps them without knowing. Facts, then figures: `kept_case_tally_rebuild(workspace)`
// recomputes all three from the cases (src/retention/case-tally.ts). Nothing here depends on
// purchases, so an import changes none of it; the reports join `customer_value` when they read.
import { date, integer, pgTable, primaryKey, uuid } from 'drizzle-orm/pg-core';

/** Per workspace, customer and month (UTC) with a case: how many cases, how many complaints now. */
export const caseTally = pgTable(
  'case_tally',
  {
    // No foreign keys on derived tables (see customer_value): rebuilt in bulk from the facts.
    workspaceId: uuid('workspace_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    /** First day of the month the cases were opened in (UTC). */
    month: date('month', { mode: 'string' }).notNull(),
    cases: integer('cases').notNull(),
    complaints: integer('complaints').notNull(),
  },
  // Customer before month: a buyer's months with cases are one range read (report-complaint-rate.ts).
  (t) => [primaryKey({ columns: [t.workspaceId, t.customerId, t.month] })],
);

/** Per workspace and month: the complaints opened that month, and the customers with a case in it. */
export const caseTallyMonths = pgTable(
  'case_tally_months',
  {
    workspaceId: uuid('workspace_id').notNull(),
    month: date('month', { mode: 'string' }).notNull(),
    complaints: integer('complaints').notNull(),
    /** Distinct customers with a case opened that month (the rows of case_tally for it). */
    customers: integer('customers').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.month] })],
);

/**
 * Per workspace and day (UTC): the customers whose latest case was opened that day. The customers
 * with a case in any period ending now are the sum over its days, without reading their cases.
 */
export const caseTallyDays = pgTable(
  'case_tally_days',
  {
    workspaceId: uuid('workspace_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    latest: integer('latest').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.day] })],
);
