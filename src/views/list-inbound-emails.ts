import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { inboundEmails } from '../db/schema-email.ts';

/** Statuses of stored inbound e-mail that did not become a customer message (yet). */
export const UNDELIVERED_INBOUND_STATUSES = ['received', 'auto_reply', 'rate_limited', 'failed'] as const;

/** The workspace's such e-mail, newest first (200 at most). */
export async function listInboundEmails(
  db: Db,
  workspaceId: string,
  statuses: ReadonlyArray<(typeof UNDELIVERED_INBOUND_STATUSES)[number]>,
) {
  const rows = await db
    .select({
      id: inboundEmails.id,
      status: inboundEmails.status,
      fromAddress: inboundEmails.fromAddress,
      subject: inboundEmails.subject,
      note: inboundEmails.note,
      error: inboundEmails.error,
      caseId: inboundEmails.caseId,
      receivedAt: inboundEmails.receivedAt,
    })
    .from(inboundEmails)
    .where(and(eq(inboundEmails.workspaceId, workspaceId), inArray(inboundEmails.status, [...statuses])))
    .orderBy(desc(inboundEmails.receivedAt))
    .limit(200);
  return rows.map((e) => ({ ...e, receivedAt: e.receivedAt.toISOString() }));
}
