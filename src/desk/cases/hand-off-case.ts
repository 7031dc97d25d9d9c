import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { requireUser } from '../../accounts/index.ts';
import { cases, promises, tasks } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { assertHandoff } from './choose-owner.ts';
import { lockCase } from './lock-case.ts';
import { hellAssessmentTimer } from '../service-hell/hell-assessment-timer.ts';

/**
 * Moves accountability to one named person, with a reason, in one step: there is never a
 * moment without an owner. The case's open promises and follow-up tasks move with it, so a
 * commitment never stays with someone who no longer has the case.
 */
export async function handOffCase(
  ctx: DeskContext,
  input: { workspaceId: string; caseId: string; actorUserId: string; toUserId: string; reason: string },
) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const caseRow = await lockCase(tx, input.workspaceId, input.caseId);
    const receiver = await requireUser(tx, input.workspaceId, input.toUserId, 'toUserId', 'The person taking the case');
    assertHandoff({
      fromUserId: caseRow.ownerId ?? '',
      toUserId: receiver.id,
      reason: input.reason,
      toUserActive: receiver.active,
    });
    await tx.update(cases).set({ ownerId: receiver.id, updatedAt: now }).where(eq(cases.id, caseRow.id));
    await tx
      .update(promises)
      .set({ ownerId: receiver.id })
      .where(and(eq(promises.caseId, caseRow.id), eq(promises.status, 'open')));
    await tx
      .update(tasks)
      .set({ assigneeId: receiver.id })
      .where(and(eq(tasks.caseId, caseRow.id), eq(tasks.kind, 'follow_up_contact')));
    await appendEvents(tx, [
      {
        workspaceId: input.workspaceId,
        caseId: caseRow.id,
        customerId: caseRow.customerId,
        actorUserId: input.actorUserId,
        occurredAt: now,
        type: 'case.handed_off',
        data: { fromUserId: caseRow.ownerId ?? '', toUserId: receiver.id, reason: input.reason.trim() },
      },
    ]);
    await ctx.timers.schedule(tx, hellAssessmentTimer(input.workspaceId, caseRow.id, now));
  });
}
