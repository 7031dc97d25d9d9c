import type { PromiseKind } from '../contract/api-types.ts';
import type { Channel, NewEvent } from '../events/event-types.ts';
import { appendEvents } from '../events/append-events.ts';
import { promises } from '../db/schema.ts';
import type { DeskContext } from '../jobs/desk-context.ts';
import { TIMER } from '../jobs/timer-names.ts';
import { assertDueInFuture, reminderTime } from './promise-rules.ts';

export interface MakePromiseInput {
  workspaceId: string;
  caseId: string;
  customerId: string;
  ownerId: string;
  kind: PromiseKind;
  channel: Channel;
  description: string;
  dueAt: Date;
  actorUserId: string | null;
  reminderMinutes: number;
  /** Issue 4: the capability quote at the time, kept with the promise and its event. */
  quote?: { dueAt: Date; minutes: number; percentile: number; sampleSize: number } | null;
  overPromiseConfirmed?: boolean;
  /** The agent's own words, when recorded from a recognised commitment. */
  phrase?: string;
  /** Intake writes all the events of a message in one statement: the event is added here instead. */
  events?: NewEvent[];
}

/** A commitment to the customer becomes a record with an owner, a due time and its two timers. */
export async function makePromise(ctx: DeskContext, input: MakePromiseInput) {
  const now = ctx.now();
  assertDueInFuture(input.dueAt, now);
  const [row] = await ctx.db
    .insert(promises)
    .values({
      workspaceId: input.workspaceId,
      caseId: input.caseId,
      customerId: input.customerId,
      ownerId: input.ownerId,
      kind: input.kind,
      channel: input.channel,
      description: input.description,
      dueAt: input.dueAt,
      quotedDueAt: input.quote?.dueAt ?? null,
      overPromiseConfirmed: input.overPromiseConfirmed ?? false,
      createdAt: now,
    })
    .returning();
  const promise = row!;
  const made: NewEvent[] = [
    {
      workspaceId: input.workspaceId,
      caseId: input.caseId,
      customerId: input.customerId,
      type: 'promise.made',
      actorUserId: input.actorUserId,
      data: {
        promiseId: promise.id,
        kind: input.kind,
        dueAt: input.dueAt.toISOString(),
        channel: input.channel,
        ownerId: input.ownerId,
        ...(input.quote
          ? { quote: { dueAt: input.quote.dueAt.toISOString(), minutes: input.quote.minutes, percentile: input.quote.percentile, sampleSize: input.quote.sampleSize } }
          : {}),
        ...(input.overPromiseConfirmed ? { overPromiseConfirmed: true } : {}),
        ...(input.phrase ? { phrase: input.phrase } : {}),
      },
      occurredAt: now,
    },
  ];
  if (input.events) input.events.push(...made);
  else await appendEvents(ctx.db, made);
  await schedulePromiseTimers(ctx, promise.workspaceId, promise.id, now, input.dueAt, input.reminderMinutes);
  return promise;
}

export async function schedulePromiseTimers(
  ctx: DeskContext,
  workspaceId: string,
  promiseId: string,
  now: Date,
  dueAt: Date,
  reminderMinutes: number,
): Promise<void> {
  const remindAt = reminderTime(now, dueAt, reminderMinutes);
  if (remindAt) {
    await ctx.timers.schedule(ctx.db, { name: TIMER.promiseReminder, payload: { workspaceId, promiseId }, startAfter: remindAt });
  }
  await ctx.timers.schedule(ctx.db, {
    name: TIMER.promiseDue,
    payload: { workspaceId, promiseId, dueAt: dueAt.toISOString() },
    startAfter: dueAt,
  });
}
