import { randomUUID } from 'node:crypto';
import type { PromiseKind } from '../../contract/api-types.ts';
import type { Channel, NewEvent } from '../../events/event-types.ts';
import { appendEvents } from '../../events/append-events.ts';
import { promises } from '../../db/schema.ts';
import type { DeskContext, TimerRequest } from '../../kernel/desk-context.ts';
import { TIMER } from '../../kernel/job-names.ts';
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
}

/** The rows a promise writes: the promise (its id made here), its event and its first timer. */
export interface PromisePlan {
  row: typeof promises.$inferInsert & { id: string };
  events: NewEvent[];
  timers: TimerRequest[];
}

/** Pure: decides what making the promise writes, for callers that write it with other rows (intake). */
export function planPromise(input: MakePromiseInput, now: Date): PromisePlan {
  assertDueInFuture(input.dueAt, now);
  const id = randomUUID();
  return {
    row: {
      id,
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
    },
    events: [
      {
        workspaceId: input.workspaceId,
        caseId: input.caseId,
        customerId: input.customerId,
        type: 'promise.made',
        actorUserId: input.actorUserId,
        data: {
          promiseId: id,
          kind: input.kind,
          dueAt: input.dueAt.toISOString(),
          channel: input.channel,
          ownerId: input.ownerId,
          ...(input.quote
            ? {
                quote: {
                  dueAt: input.quote.dueAt.toISOString(),
                  minutes: input.quote.minutes,
                  percentile: input.quote.percentile,
                  sampleSize: input.quote.sampleSize,
                },
              }
            : {}),
          ...(input.overPromiseConfirmed ? { overPromiseConfirmed: true } : {}),
          ...(input.phrase ? { phrase: input.phrase } : {}),
        },
        occurredAt: now,
      },
    ],
    timers: promiseTimers(input.workspaceId, id, now, input.dueAt, input.reminderMinutes),
  };
}

/** A commitment to the customer becomes a record with an owner, a due time and its timers. */
export async function makePromise(ctx: DeskContext, input: MakePromiseInput) {
  const now = ctx.now();
  const plan = planPromise(input, now);
  const [promise] = await ctx.db.insert(promises).values(plan.row).returning();
  await appendEvents(ctx.db, plan.events);
  for (const timer of plan.timers) await ctx.timers.schedule(ctx.db, timer);
  return promise!;
}

/**
 * A promise's first timer: the reminder when there is time for one, which queues the due timer
 * in the same transaction as the reminder (remindPromiseOwner); otherwise the due timer. One
 * job waits per promise instead of two: intake writes a promise with every new case.
 */
export function promiseTimers(
  workspaceId: string,
  promiseId: string,
  now: Date,
  dueAt: Date,
  reminderMinutes: number,
): TimerRequest[] {
  const remindAt = reminderTime(now, dueAt, reminderMinutes);
  return [
    remindAt
      ? { name: TIMER.promiseReminder, payload: { workspaceId, promiseId }, startAfter: remindAt }
      : promiseDueTimer(workspaceId, promiseId, dueAt),
  ];
}

export function promiseDueTimer(workspaceId: string, promiseId: string, dueAt: Date): TimerRequest {
  return { name: TIMER.promiseDue, payload: { workspaceId, promiseId, dueAt: dueAt.toISOString() }, startAfter: dueAt };
}

export async function schedulePromiseTimers(
  ctx: DeskContext,
  workspaceId: string,
  promiseId: string,
  now: Date,
  dueAt: Date,
  reminderMinutes: number,
): Promise<void> {
  for (const timer of promiseTimers(workspaceId, promiseId, now, dueAt, reminderMinutes))
    await ctx.timers.schedule(ctx.db, timer);
}
