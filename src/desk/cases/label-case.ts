import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import type { CasePriority } from '../../kernel/domain-words.ts';
import { lockCase } from './lock-case.ts';

/** How many tags a case keeps, and how long one may be: labels, not notes. */
export const TAG_LIMITS = { count: 20, chars: 40 } as const;

/** A tag as stored: trimmed, inner spaces tidied, lower case (so "Refund" and "refund" are one tag). */
export function normalizeTag(tag: string): string {
  return tag.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Sets a case's priority and/or its tags (issue 16). One `case.labelled` event records what changed;
 * setting what is already there changes nothing and records nothing.
 */
export async function labelCase(
  ctx: DeskContext,
  input: { workspaceId: string; caseId: string; actorUserId: string; priority?: CasePriority; tags?: string[] },
): Promise<void> {
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const caseRow = await lockCase(tx, input.workspaceId, input.caseId);
    const change: {
      priority?: { from: CasePriority; to: CasePriority };
      tags?: { added: string[]; removed: string[] };
    } = {};
    if (input.priority && input.priority !== caseRow.priority) {
      change.priority = { from: caseRow.priority, to: input.priority };
    }
    let tags = caseRow.tags;
    if (input.tags) {
      tags = [...new Set(input.tags.map(normalizeTag).filter((tag) => tag !== ''))];
      const added = tags.filter((tag) => !caseRow.tags.includes(tag));
      const removed = caseRow.tags.filter((tag) => !tags.includes(tag));
      if (added.length || removed.length) change.tags = { added, removed };
    }
    if (!change.priority && !change.tags) return;
    const now = ctx.now();
    await tx
      .update(cases)
      .set({ priority: input.priority ?? caseRow.priority, tags, updatedAt: now })
      .where(eq(cases.id, caseRow.id));
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        actorUserId: input.actorUserId,
        occurredAt: now,
        type: 'case.labelled',
        data: change,
      },
    ]);
  });
}
