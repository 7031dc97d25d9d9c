import type { Channel, EventDataByType, EventType, KeptEvent } from './event-types.ts';

// Test helper: builds KeptEvent objects with fixed dates, so tests read like a timeline
// ("day 3, 14:00: the customer phones") and never depend on the clock.

/** Monday 19 August 2002, 09:00 UTC — the month the essay's customer ordered her computer. */
export const BASE_DATE = new Date('2002-08-19T09:00:00.000Z');

export const TEST_WORKSPACE_ID = 'ws-test';
export const TEST_CASE_ID = 'case-1';
export const TEST_CUSTOMER_ID = 'cust-1';

/** A date `days` days and `minutes` minutes after BASE_DATE. */
export function at(days: number, minutes = 0): Date {
  return new Date(BASE_DATE.getTime() + (days * 24 * 60 + minutes) * 60_000);
}

let nextId = 1;

export function makeEvent<T extends EventType>(
  type: T,
  data: EventDataByType[T],
  overrides: Partial<Omit<KeptEvent<T>, 'type' | 'data'>> = {},
): KeptEvent<T> {
  return {
    id: overrides.id ?? nextId++,
    workspaceId: overrides.workspaceId ?? TEST_WORKSPACE_ID,
    caseId: overrides.caseId === undefined ? TEST_CASE_ID : overrides.caseId,
    customerId: overrides.customerId === undefined ? TEST_CUSTOMER_ID : overrides.customerId,
    type,
    actorUserId: overrides.actorUserId ?? null,
    data,
    occurredAt: overrides.occurredAt ?? BASE_DATE,
  };
}

/** Builds one case's event stream in order; every method appends and returns the event. */
export function createEventStream(options: { caseId?: string; customerId?: string } = {}) {
  const events: KeptEvent[] = [];
  const caseId = options.caseId ?? TEST_CASE_ID;
  const customerId = options.customerId ?? TEST_CUSTOMER_ID;
  let message = 0;
  const push = <T extends EventType>(
    type: T,
    data: EventDataByType[T],
    occurredAt: Date,
    actorUserId: string | null = null,
  ) => {
    const event = makeEvent(type, data, { caseId, customerId, occurredAt, actorUserId });
    events.push(event);
    return event;
  };
  return {
    events,
    opened: (when: Date, channel: Channel = 'email') => push('case.opened', { channel, subject: 'Help' }, when),
    assigned: (when: Date, toUserId: string, reason: 'intake' | 'fallback_supervisor' | 'manual' = 'intake') =>
      push('case.assigned', { toUserId, reason }, when),
    handedOff: (when: Date, fromUserId: string, toUserId: string, reason = 'needs a specialist') =>
      push('case.handed_off', { fromUserId, toUserId, reason }, when, fromUserId),
    status: (when: Date, from: string, to: string, actor: string | null = null) =>
      push('case.status_changed', { from, to }, when, actor),
    received: (when: Date, channel: Channel = 'email') =>
      push('message.received', { messageId: `m-${caseId}-${++message}`, channel }, when),
    sent: (when: Date, actor: string, channel: Channel = 'email') =>
      push('message.sent', { messageId: `m-${caseId}-${++message}`, channel }, when, actor),
    note: (when: Date, actor: string) => push('note.added', { messageId: `m-${caseId}-${++message}` }, when, actor),
    acknowledged: (when: Date, channel: Channel = 'email') =>
      push(
        'acknowledgement.sent',
        {
          acknowledgementId: `a-${message}`,
          messageId: `m-${caseId}-${message}`,
          reference: 'K-1',
          promisedBy: when.toISOString(),
          channel,
          delivered: true,
        },
        when,
      ),
    promiseMade: (when: Date, promiseId: string, ownerId: string, dueAt: Date, channel: Channel = 'phone') =>
      push(
        'promise.made',
        { promiseId, kind: 'callback', dueAt: dueAt.toISOString(), channel, ownerId },
        when,
        ownerId,
      ),
    promiseBroken: (when: Date, promiseId: string) => push('promise.broken', { promiseId }, when),
  };
}

export type EventStream = ReturnType<typeof createEventStream>;
