import { and, eq } from 'drizzle-orm';
import type { CaseStatus } from '../../contract/api-types.ts';
import type { Db } from '../../db/open-database.ts';
import { cases, escalations } from '../../db/schema.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { assertTransition, isCaseStatus } from './case-status.ts';
import { recordCompletedWork } from '../promises/capability/record-duration.ts';
import { lockCase } from './lock-case.ts';
import { hellAssessmentTimer } from '../service-hell/hell-assessment-timer.ts';
import { SURVEY_JOB } from '../../kernel/job-names.ts';

type LockedCase = Awaited<ReturnType<typeof lockCase>>;

export async function changeCaseStatus(
  ctx: DeskContext,
  input: { workspaceId: string; caseId: string; actorUserId: string; to: string },
) {
  if (!isCaseStatus(input.to)) throw new KeptError('request.invalid', `Unknown status "${input.to}"`, { field: 'to' });
  const to: CaseStatus = input.to;
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const caseRow = await lockCase(tx, input.workspaceId, input.caseId);
    await moveCaseStatus(tx, { workspaceId: input.workspaceId, caseRow, actorUserId: input.actorUserId, to, now });
    await ctx.timers.schedule(tx, hellAssessmentTimer(input.workspaceId, caseRow.id, now));
    // K16: the satisfaction survey is planned by src/surveys/ (named by job, so the desk needs
    // not know it); its key makes a case resolved twice surveyed once.
    if (to === 'resolved')
      await ctx.timers.schedule(tx, {
        name: SURVEY_JOB.planAfterResolution,
        payload: { workspaceId: input.workspaceId, caseId: caseRow.id },
        startAfter: now,
      });
  });
}

/**
 * One status change inside the caller's transaction, the case row locked by the caller: the
 * allowed-transitions table, the open-escalation rule, the resolution time, the event. Shared
 * by a plain transition and by "send and resolve", so both follow the same rules.
 */
export async function moveCaseStatus(
  tx: Db,
  input: { workspaceId: string; caseRow: LockedCase; actorUserId: string; to: CaseStatus; now: Date },
): Promise<void> {
  const { caseRow, to, now } = input;
  assertTransition(caseRow.status, to);
  if (to === 'closed' || to === 'resolved') {
    // A case cannot be put away while a customer's request for a supervisor is unanswered.
    const [pending] = await tx
      .select({ id: escalations.id })
      .from(escalations)
      .where(and(eq(escalations.caseId, caseRow.id), eq(escalations.status, 'open')))
      .limit(1);
    if (pending) {
      throw new KeptError('escalation.not_answered', 'The case has an escalation waiting for a supervisor’s answer', {
        field: 'to',
      });
    }
  }
  await tx.update(cases).set({ status: to, updatedAt: now }).where(eq(cases.id, caseRow.id));
  if (to === 'resolved')
    await recordCompletedWork(tx, {
      workspaceId: input.workspaceId,
      kind: 'resolution',
      caseRow,
      startedAt: caseRow.createdAt,
      completedAt: now,
    });
  await appendEvents(tx, [
    {
      workspaceId: input.workspaceId,
      caseId: caseRow.id,
      customerId: caseRow.customerId,
      actorUserId: input.actorUserId,
      occurredAt: now,
      type: 'case.status_changed',
      data: { from: caseRow.status, to },
    },
  ]);
}
