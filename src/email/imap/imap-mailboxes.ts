import { and, asc, eq } from 'drizzle-orm';
import { ImapFlow } from 'imapflow';
import type { Db } from '../../db/open-database.ts';
import { imapMailboxes } from '../../db/schema-email.ts';
import { notFound } from '../../errors/kept-error.ts';
import type { MailboxInput, MailboxTestResult, MailboxView } from '../../contract/email-outbound-types.ts';
import type { MailboxRow } from './poll-mailbox.ts';
import { sealCredential } from '../../secrets/index.ts';

export function presentMailbox(row: MailboxRow): MailboxView {
  return {
    id: row.id,
    host: row.host,
    port: row.port,
    secure: row.secure,
    username: row.username,
    mailbox: row.mailbox,
    lastUid: row.lastUid,
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
    ok: row.failingSince === null,
    lastError: row.lastError,
    failingSince: row.failingSince?.toISOString() ?? null,
  };
}

export async function listMailboxes(db: Db, workspaceId: string): Promise<MailboxView[]> {
  const rows = await db
    .select()
    .from(imapMailboxes)
    .where(eq(imapMailboxes.workspaceId, workspaceId))
    .orderBy(asc(imapMailboxes.createdAt));
  return rows.map(presentMailbox);
}

export async function addMailbox(db: Db, workspaceId: string, input: MailboxInput): Promise<MailboxView> {
  const [row] = await db
    .insert(imapMailboxes)
    .values({ workspaceId, ...input, password: sealCredential(input.password) })
    .returning();
  return presentMailbox(row!);
}

export async function removeMailbox(db: Db, workspaceId: string, mailboxId: string): Promise<void> {
  const removed = await db
    .delete(imapMailboxes)
    .where(and(eq(imapMailboxes.workspaceId, workspaceId), eq(imapMailboxes.id, mailboxId)))
    .returning({ id: imapMailboxes.id });
  if (removed.length === 0) throw notFound('The mailbox');
}

export async function loadMailbox(db: Db, workspaceId: string, mailboxId: string): Promise<MailboxRow> {
  const [row] = await db
    .select()
    .from(imapMailboxes)
    .where(and(eq(imapMailboxes.workspaceId, workspaceId), eq(imapMailboxes.id, mailboxId)));
  if (!row) throw notFound('The mailbox');
  return row;
}

/** Logs in and opens the mailbox, touching nothing: what an admin checks before saving. */
export async function testMailboxConnection(input: MailboxInput, timeoutMs = 15_000): Promise<MailboxTestResult> {
  const client = new ImapFlow({
    host: input.host,
    port: input.port,
    secure: input.secure,
    auth: { user: input.username, pass: input.password },
    logger: false,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    const status = await client.status(input.mailbox, { messages: true });
    await client.logout().catch(() => undefined);
    return { ok: true, error: null, messages: status ? (status.messages ?? null) : null };
  } catch (error) {
    client.close();
    const e = error as { message?: string; responseText?: string; authenticationFailed?: boolean };
    return {
      ok: false,
      error: e.authenticationFailed
        ? `Login refused by the server (${e.responseText ?? 'wrong user name or password'})`
        : (e.responseText ?? e.message ?? String(error)),
      messages: null,
    };
  }
}
