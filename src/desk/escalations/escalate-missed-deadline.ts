import { eq } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { cases, escalations } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { escalationLadder, nextTopReminder, planMissedDeadline } from './escalation-ladder.ts';
import { escalationDeadline } from './escalation-rules.ts';
import { ESCALATION_TASK, loadLadderPeople, putEscalationTask } from './escalation-task.ts';
import { loadEscalation } from './load-escalation.ts';

type DeadlinePayload = { workspaceId: string; escalationId: string; level: number };

function deadlineTimer(payload: DeadlinePayload, startAfter: Date) {
  return { name: TIMER.escalationDeadline, payload, startAfter };
}

/**
 * Timer: an escalation still unanswered at its deadline goes one level up the organisation
 * (escalation-ladder.ts), with a shorter deadline and its one task handed to that level's
 * person. At the top it climbs no further: it is marked overdue at the top once, and the same
 * task reminds its person at a widening cadence — reopened and re-dated, never a new task.
 */
export async function escalateMissedDeadline(ctx: DeskContext, payload: DeadlinePayload) {
  const workspace = await loadWorkspace(ctx.db, payload.workspaceId);
  const deadlineMinutes = workspace.settings.escalationDeadlineMinutes;
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const row = await loadEscalation(tx, payload.workspaceId, payload.escalationId, true);
    // Another level's timer, a deadline pulled in, a reminder not yet due (or this timer
    // delivered twice): nothing is due by this one.
    const dueAt = row.remindAt ?? row.deadlineAt;
    if (row.status !== 'open' || row.level !== payload.level || dueAt.getTime() > now.getTime()) return false;
    const people = await loadLadderPeople(tx, payload.workspaceId);
    const ladder = escalationLadder(people);
    const step = planMissedDeadline(row.level, ladder);
    const [caseRow] = await tx.select({ customerId: cases.customerId }).from(cases).where(eq(cases.id, row.caseId));
    const customerId = caseRow!.customerId;
    const base = { workspaceId: row.workspaceId, caseId: row.caseId, customerId, actorUserId: null, occurredAt: now };
    const task = { escalation: row, customerId, people, level: step.level, now };
    const next = { workspaceId: row.workspaceId, escalationId: row.id, level: step.level };

    if (!step.atTop) {
      const deadlineAt = escalationDeadline(now, deadlineMinutes, step.level);
      // A top that grew (a supervisor hired) lets an escalation climb again: no longer at the top.
      await tx
        .update(escalations)
        .set({ level: step.level, deadlineAt, overdueAtTopAt: null, remindAt: null })
        .where(eq(escalations.id, row.id));
      const kind = ESCALATION_TASK.overdue;
      const given = await putEscalationTask(tx, { ...task, kind, title: '', dueAt: deadlineAt });
      const { taskId, assigneeId } = given;
      const data = { escalationId: row.id, level: step.level, fromLevel: row.level, taskId, assigneeId };
      await appendEvents(tx, [{ ...base, type: 'escalation.deadline_missed', data }, ...given.events]);
      await ctx.timers.schedule(tx, deadlineTimer(next, deadlineAt));
      return true;
    }

    const overdueAtTopAt = row.overdueAtTopAt ?? now;
    const remindAt = nextTopReminder(now, overdueAtTopAt, deadlineMinutes);
    await tx.update(escalations).set({ level: step.level, overdueAtTopAt, remindAt }).where(eq(escalations.id, row.id));
    // Reaching the top words the task afresh; a reminder keeps its words (a broken promise's, say).
    const given = await putEscalationTask(tx, {
      ...task,
      kind: ESCALATION_TASK.overdueAtTop,
      title: row.overdueAtTopAt ? undefined : '',
      dueAt: remindAt,
    });
    const { taskId, assigneeId } = given;
    const data = { escalationId: row.id, level: step.level, taskId, assigneeId, remindAt: remindAt.toISOString() };
    const fact = row.overdueAtTopAt
      ? { ...base, type: 'escalation.reminded' as const, data }
      : { ...base, type: 'escalation.overdue_at_top' as const, data };
    await appendEvents(tx, [fact, ...given.events]);
    await ctx.timers.schedule(tx, deadlineTimer(next, remindAt));
    return true;
  });
}
