import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { imapMailboxes } from '../../db/schema-email.ts';
import type { MailboxHealth } from '../../contract/email-outbound-types.ts';

/** For the health answers (GET /api/health's verdict, GET /api/v1/health's details): a failing mailbox must never be silent. */
export async function mailboxHealth(db: Db, workspaceId?: string): Promise<MailboxHealth[]> {
  const rows = await db
    .select({ id: imapMailboxes.id, lastError: imapMailboxes.lastError, failingSince: imapMailboxes.failingSince })
    .from(imapMailboxes)
    .where(workspaceId ? eq(imapMailboxes.workspaceId, workspaceId) : undefined)
    .orderBy(asc(imapMailboxes.createdAt))
    .limit(1000);
  return rows.map((r) => ({
    id: r.id,
    ok: r.failingSince === null,
    lastError: r.lastError,
    failingSince: r.failingSince?.toISOString() ?? null,
  }));
}
