import { appendEvents, readCaseEvents } from '../../../events/append-events.ts';
import { KeptError } from '../../../errors/kept-error.ts';
import type { DeskContext } from '../../../kernel/desk-context.ts';
import { requireCase } from '../../cases/require-case.ts';

/**
 * The agent read the message and found no request for a supervisor (issue 18): the suspicion
 * is closed with a fact on the timeline. Escalating instead closes it too (escalation.opened).
 */
export async function dismissSupervisorSuspicion(
  ctx: DeskContext,
  input: { workspaceId: string; caseId: string; actorUserId: string },
): Promise<{ caseId: string; messageId: string; dismissedAt: Date }> {
  const row = await requireCase(ctx.db, input.workspaceId, input.caseId);
  let open: string | null = null;
  for (const e of await readCaseEvents(ctx.db, row.id)) {
    if (e.type === 'supervisor.suspected') open = (e.data as { messageId: string }).messageId;
    else if (e.type === 'escalation.opened' || e.type === 'supervisor.suspicion_dismissed') open = null;
  }
  if (!open) throw new KeptError('supervisor.no_suspicion', 'The case has no open supervisor suspicion');
  const now = ctx.now();
  await appendEvents(ctx.db, [
    {
      workspaceId: input.workspaceId,
      caseId: row.id,
      customerId: row.customerId,
      type: 'supervisor.suspicion_dismissed',
      actorUserId: input.actorUserId,
      data: { messageId: open },
      occurredAt: now,
    },
  ]);
  return { caseId: row.id, messageId: open, dismissedAt: now };
}
