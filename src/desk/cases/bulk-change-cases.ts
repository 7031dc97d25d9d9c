import { and, eq, inArray } from 'drizzle-orm';
import { cases } from '../../db/schema.ts';
import { KeptError, notFound } from '../../errors/kept-error.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import type { CaseStatus } from '../../kernel/domain-words.ts';
import { requireUser } from '../../accounts/index.ts';
import { changeCaseStatus } from './change-case-status.ts';
import { handOffCase } from './hand-off-case.ts';

/** Cases one bulk change may name: a screen of a queue. */
export const BULK_CASES_MAX = 200;

export type BulkChange = { status: CaseStatus } | { ownerId: string; reason: string };

export interface BulkChangeOutcome {
  changed: string[];
  /** Cases the rules refused (a transition the table does not allow, the owner already theirs…). */
  refused: Array<{ caseId: string; code: string; message: string }>;
}

/**
 * Bulk assign or bulk status change (issue 16): each case goes through the same operation as one
 * changed by hand — the transition table, the handoff rule, their events — in a transaction of its own,
 * so one refused case neither blocks nor undoes the others. Every id is checked against the workspace
 * before anything changes: one unknown id is a 404 for the whole request.
 */
export async function bulkChangeCases(
  ctx: DeskContext,
  input: { workspaceId: string; actorUserId: string; caseIds: string[]; change: BulkChange },
): Promise<BulkChangeOutcome> {
  const ids = [...new Set(input.caseIds)];
  const found = await ctx.db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.workspaceId, input.workspaceId), inArray(cases.id, ids)));
  if (found.length !== ids.length) throw notFound('A case', { field: 'caseIds' });
  if ('ownerId' in input.change) {
    await requireUser(ctx.db, input.workspaceId, input.change.ownerId, 'ownerId', 'The person taking the cases');
  }
  const outcome: BulkChangeOutcome = { changed: [], refused: [] };
  for (const caseId of ids) {
    try {
      if ('status' in input.change) {
        await changeCaseStatus(ctx, { ...input, caseId, to: input.change.status });
      } else {
        await handOffCase(ctx, { ...input, caseId, toUserId: input.change.ownerId, reason: input.change.reason });
      }
      outcome.changed.push(caseId);
    } catch (error) {
      if (!(error instanceof KeptError)) throw error;
      outcome.refused.push({ caseId, code: error.code, message: error.message });
    }
  }
  return outcome;
}
