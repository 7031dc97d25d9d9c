import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { EscalationView } from '../contract/api-types.ts';
import { loadStaffNames } from './staff-names.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, escalations } from '../db/schema.ts';
import { presentEscalation } from './case-presenters.ts';

export async function listEscalations(
  db: Db,
  input: { workspaceId: string; status?: string },
  now: Date,
): Promise<EscalationView[]> {
  const conditions: SQL[] = [eq(escalations.workspaceId, input.workspaceId)];
  if (input.status) conditions.push(inArray(escalations.status, [input.status as 'open']));
  const [rows, nameOf] = await Promise.all([
    db
      .select({ escalation: escalations, number: cases.number, customerId: customers.id, customerName: customers.name })
      .from(escalations)
      .innerJoin(cases, eq(cases.id, escalations.caseId))
      .innerJoin(customers, eq(customers.id, cases.customerId))
      .where(and(...conditions))
      .orderBy(asc(escalations.deadlineAt))
      .limit(500),
    loadStaffNames(db, input.workspaceId),
  ]);
  return rows.map((r) => presentEscalation(r.escalation, r, nameOf, now));
}
