import { and, asc, desc, eq } from 'drizzle-orm';
import type { CustomerDetailResponse } from '../contract/api-types.ts';
import { loadStaffNames } from './staff-names.ts';
import type { Db } from '../db/open-database.ts';
import { messageColumns } from './message-columns.ts';
import { cases, customers, messages } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';
import { readCasesEvents, readCustomerOwnEvents } from '../events/append-events.ts';
import { buildTimeline, presentMessage } from './case-presenters.ts';
import { presentCustomer } from './get-case-detail.ts';
import { presentCaseSummary, selectCaseSummaries } from './list-cases.ts';
import { assessHell, computeHellMetrics } from '../desk/index.ts';
import { loadWorkspace } from '../workspaces/index.ts';

const TIMELINE_MESSAGES = 100;

/** One customer across every case and channel: the whole story in one place. */
export async function getCustomerDetail(
  db: Db,
  workspaceId: string,
  customerId: string,
  now: Date,
): Promise<CustomerDetailResponse> {
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, customerId)));
  if (!customer) throw notFound('The customer');
  const caseRows = await selectCaseSummaries(
    db,
    and(eq(cases.workspaceId, workspaceId), eq(cases.customerId, customerId)),
    500,
  );
  const caseIds = caseRows.map((c) => c.id);
  const [events, ownEvents, messageRows, nameOf, workspace] = await Promise.all([
    readCasesEvents(db, caseIds),
    readCustomerOwnEvents(db, workspaceId, customerId),
    db
      .select(messageColumns)
      .from(messages)
      .where(eq(messages.customerId, customerId))
      .orderBy(desc(messages.createdAt))
      .limit(TIMELINE_MESSAGES + 1),
    loadStaffNames(db, workspaceId),
    loadWorkspace(db, workspaceId),
  ]);
  // The newest messages and the facts since the oldest of them; the hell measures still see everything.
  const truncated = messageRows.length > TIMELINE_MESSAGES;
  const shown = messageRows.slice(0, TIMELINE_MESSAGES).reverse();
  const since = truncated && shown[0] ? shown[0].createdAt.getTime() : -Infinity;
  return {
    customer: presentCustomer(customer),
    cases: caseRows.map(presentCaseSummary),
    timeline: buildTimeline(
      shown.map((m) => presentMessage(m, nameOf, customer.name)),
      // The record's own facts (entered, corrected by hand) beside its cases' facts.
      [...events, ...ownEvents].filter((e) => e.occurredAt.getTime() >= since),
      nameOf,
    ),
    olderMessagesOmitted: truncated,
    hell: assessHell(computeHellMetrics(events, now), workspace.settings.hellThresholds),
  };
}
