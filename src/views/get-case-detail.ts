import { and, asc, desc, eq } from 'drizzle-orm';
import type { CaseDetailResponse, CustomerView } from '../contract/api-types.ts';
import { loadStaffNames } from './staff-names.ts';
import type { Db } from '../db/open-database.ts';
import { messageColumns } from './message-columns.ts';
import { cases, customers, escalations, messages, promises, tasks } from '../db/schema.ts';
import { notFound } from '../errors/kept-error.ts';
import { readCaseEvents } from '../events/append-events.ts';
import { computeRespectForTime } from '../metrics/index.ts';
import { assessHell, CASE_TRANSITIONS, computeHellMetrics } from '../desk/index.ts';
import { loadWorkspace } from '../workspaces/index.ts';
import { attachmentsOfCase } from './attachment-views.ts';
import { buildTimeline, presentEscalation, presentMessage, presentPromise, presentTask } from './case-presenters.ts';
import { presentCaseSummary, selectCaseSummaries } from './list-cases.ts';
import { openSupervisorSuspicion } from './supervisor-suspicion-view.ts';

export function presentCustomer(row: typeof customers.$inferSelect): CustomerView {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    phone: row.phone,
    language: row.language,
    createdAt: row.createdAt.toISOString(),
    emailBouncedAt: row.emailBouncedAt?.toISOString() ?? null,
    emailBounceReason: row.emailBounceReason,
  };
}

/** Everything whoever picks the case up needs, so the customer never repeats their story. */
export async function getCaseDetail(
  db: Db,
  workspaceId: string,
  caseId: string,
  now: Date,
): Promise<CaseDetailResponse> {
  const [summaryRow] = await selectCaseSummaries(db, and(eq(cases.workspaceId, workspaceId), eq(cases.id, caseId)), 1);
  if (!summaryRow) throw notFound('The case');
  const workspace = await loadWorkspace(db, workspaceId);
  const [customerRow, messageRows, events, promiseRows, escalationRows, taskRows, nameOf, attachments] =
    await Promise.all([
      db
        .select()
        .from(customers)
        .where(eq(customers.id, summaryRow.customerId))
        .then((r) => r[0]!),
      db.select(messageColumns).from(messages).where(eq(messages.caseId, caseId)).orderBy(asc(messages.createdAt)),
      readCaseEvents(db, caseId),
      db.select().from(promises).where(eq(promises.caseId, caseId)).orderBy(desc(promises.createdAt)),
      db.select().from(escalations).where(eq(escalations.caseId, caseId)).orderBy(desc(escalations.createdAt)),
      db.select().from(tasks).where(eq(tasks.caseId, caseId)).orderBy(asc(tasks.dueAt)),
      loadStaffNames(db, workspaceId),
      attachmentsOfCase(db, caseId),
    ]);
  const caseInfo = { number: summaryRow.number, customerId: customerRow.id, customerName: customerRow.name };
  const respect = computeRespectForTime(events, now);
  return {
    case: { ...presentCaseSummary(summaryRow), priority: summaryRow.priority, isComplaint: summaryRow.isComplaint },
    customer: presentCustomer(customerRow),
    timeline: buildTimeline(
      messageRows.map((m) => presentMessage(m, nameOf, customerRow.name, attachments.get(m.id))),
      events,
      nameOf,
    ),
    promises: promiseRows.map((p) => presentPromise(p, summaryRow.number, nameOf)),
    escalations: escalationRows.map((e) => presentEscalation(e, caseInfo, nameOf, now)),
    tasks: taskRows.map((t) => {
      const level = escalationRows.find((e) => e.taskId === t.id)?.level;
      return presentTask(t, summaryRow.number, nameOf, level);
    }),
    hell: assessHell(computeHellMetrics(events, now), workspace.settings.hellThresholds),
    respect: {
      firstResponseMinutes: respect.firstResponseMinutes,
      totalWaitMinutes: respect.totalWaitMinutes,
      transfers: respect.transfers,
    },
    allowedTransitions: [...CASE_TRANSITIONS[summaryRow.status]],
    supervisorSuspicion: openSupervisorSuspicion(events),
  };
}
