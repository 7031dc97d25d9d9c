import { and, eq, inArray } from 'drizzle-orm';
import { escalations } from '../../db/schema.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { EventDataByType } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { escalationDeadline } from './escalation-rules.ts';
import { markComplaint } from '../complaints/mark-complaint.ts';

// K12: a customer who asks for a supervisor (the portal's button, the words in a message) is complaining.
const CUSTOMER_ASKED: ReadonlyArray<OpenEscalationInput['via']> = ['portal', 'message'];

export interface OpenEscalationInput {
  workspaceId: string;
  caseId: string;
  customerId: string;
  via: EventDataByType['escalation.opened']['via'];
  reason: string;
  actorUserId: string | null;
  deadlineMinutes: number;
}

/**
 * Opens an escalation with its own deadline. A case has at most one escalation waiting for a
 * supervisor: asking again while one is open returns that one instead of stacking duplicates.
 */
export async function openEscalation(ctx: DeskContext, input: OpenEscalationInput) {
  const [existing] = await ctx.db
    .select()
    .from(escalations)
    .where(and(eq(escalations.caseId, input.caseId), inArray(escalations.status, ['open'])))
    .limit(1);
  if (existing) return { escalation: existing, created: false };
  const now = ctx.now();
  const deadlineAt = escalationDeadline(now, input.deadlineMinutes, 1);
  const [row] = await ctx.db
    .insert(escalations)
    .values({
      workspaceId: input.workspaceId,
      caseId: input.caseId,
      via: input.via,
      reason: input.reason,
      level: 1,
      deadlineAt,
      createdAt: now,
    })
    .returning();
  const escalation = row!;
  await appendEvents(ctx.db, [
    {
      workspaceId: input.workspaceId,
      caseId: input.caseId,
      customerId: input.customerId,
      type: 'escalation.opened',
      actorUserId: input.actorUserId,
      data: { escalationId: escalation.id, via: input.via, deadlineAt: deadlineAt.toISOString(), level: 1 },
      occurredAt: now,
    },
  ]);
  await ctx.timers.schedule(ctx.db, {
    name: TIMER.escalationDeadline,
    payload: { workspaceId: input.workspaceId, escalationId: escalation.id, level: 1 },
    startAfter: deadlineAt,
  });
  if (CUSTOMER_ASKED.includes(input.via))
    await markComplaint(ctx, {
      workspaceId: input.workspaceId,
      caseId: input.caseId,
      source: 'supervisor_request',
      reason: input.reason || input.via,
      actorUserId: input.actorUserId,
    });
  return { escalation, created: true };
}
