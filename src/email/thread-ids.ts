import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { emailThreadIds } from '../db/schema-email.ts';

/**
 * "<abc@host>" or "abc@host" → "abc@host": stored and looked up without angle brackets. A loop,
 * not `/>+$/`: that retried from every ">" of a long run and rescanned the run (quadratic).
 */
export function bareMessageId(value: string): string {
  const trimmed = value.trim();
  let start = 0;
  let end = trimmed.length;
  while (start < end && trimmed[start] === '<') start++;
  while (end > start && trimmed[end - 1] === '>') end--;
  return trimmed.slice(start, end).trim();
}

/**
 * Remembers that a Message-ID belongs to a case, so a reply carrying it in In-Reply-To or
 * References threads back. Call it for every outbound message too (in the transaction that
 * writes it). The first case to claim an id keeps it.
 */
export async function recordThreadId(
  db: Db,
  input: { workspaceId: string; messageIdHeader: string; caseId: string; direction?: 'inbound' | 'outbound' },
): Promise<void> {
  const id = bareMessageId(input.messageIdHeader);
  if (!id) return;
  await db
    .insert(emailThreadIds)
    .values({
      workspaceId: input.workspaceId,
      messageIdHeader: id,
      caseId: input.caseId,
      direction: input.direction ?? 'outbound',
    })
    .onConflictDoNothing();
}

/** The cases that the given Message-IDs belong to, in one query. */
export async function casesForMessageIds(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, string>> {
  const bare = [...new Set(ids.map(bareMessageId).filter(Boolean))].slice(0, 100);
  if (bare.length === 0) return new Map();
  const rows = await db
    .select({ id: emailThreadIds.messageIdHeader, caseId: emailThreadIds.caseId })
    .from(emailThreadIds)
    .where(and(eq(emailThreadIds.workspaceId, workspaceId), inArray(emailThreadIds.messageIdHeader, bare)));
  return new Map(rows.map((r) => [r.id, r.caseId]));
}
