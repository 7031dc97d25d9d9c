import type {
  EmailAttachmentView,
  EscalationView,
  MessageView,
  PromiseKind,
  PromiseView,
  TaskView,
  TimelineItem,
} from '../contract/api-types.ts';
import type { escalations, messages, promises, tasks } from '../db/schema.ts';
import type { Channel, KeptEvent } from '../events/event-types.ts';
import { caseReference } from '../kernel/case-reference.ts';

export type NameOf = (userId: string | null) => string;

const named = (nameOf: NameOf, id: string) => ({ id, name: nameOf(id) });

export function presentMessage(
  row: Omit<typeof messages.$inferSelect, 'searchVector'>,
  nameOf: NameOf,
  customerName: string,
  attachments?: EmailAttachmentView[],
): MessageView {
  const byCustomer = row.direction === 'inbound' && !row.authorUserId;
  return {
    id: row.id,
    caseId: row.caseId,
    direction: row.direction,
    channel: row.channel as Channel,
    internal: row.internal,
    body: row.body,
    language: row.language,
    author: byCustomer
      ? { kind: 'customer', id: row.customerId, name: customerName }
      : row.authorUserId
        ? { kind: 'user', id: row.authorUserId, name: nameOf(row.authorUserId) }
        : { kind: 'system', id: null, name: 'Kept' },
    answeredAt: row.answeredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    // E-mail parts only where there are some: other channels' messages keep their shape.
    ...(row.quotedText ? { quotedText: row.quotedText } : {}),
    ...(row.htmlBody ? { htmlBody: row.htmlBody } : {}),
    ...(attachments && attachments.length > 0 ? { attachments } : {}),
  };
}

export function presentPromise(row: typeof promises.$inferSelect, caseNumber: number, nameOf: NameOf): PromiseView {
  return {
    id: row.id,
    caseId: row.caseId,
    reference: caseReference(caseNumber),
    kind: row.kind as PromiseView['kind'],
    channel: row.channel as Channel,
    description: row.description,
    owner: named(nameOf, row.ownerId),
    dueAt: row.dueAt.toISOString(),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    quotedDueAt: row.quotedDueAt?.toISOString() ?? null,
    overPromiseConfirmed: row.overPromiseConfirmed,
  };
}

export function presentEscalation(
  row: typeof escalations.$inferSelect,
  caseInfo: { number: number; customerId: string; customerName: string },
  nameOf: NameOf,
  now: Date,
): EscalationView {
  return {
    id: row.id,
    caseId: row.caseId,
    reference: caseReference(caseInfo.number),
    customer: { id: caseInfo.customerId, name: caseInfo.customerName },
    via: row.via,
    reason: row.reason,
    level: row.level,
    status: row.status,
    deadlineAt: row.deadlineAt.toISOString(),
    overdue: row.status === 'open' && row.deadlineAt.getTime() < now.getTime(),
    answeredAt: row.answeredAt?.toISOString() ?? null,
    answeredBy: row.answeredBy ? named(nameOf, row.answeredBy) : null,
    createdAt: row.createdAt.toISOString(),
    overdueAtTopSince: row.status === 'open' ? (row.overdueAtTopAt?.toISOString() ?? null) : null,
    breaches: row.breaches.map((b) => ({
      promiseId: b.promiseId,
      kind: b.kind as PromiseKind,
      description: b.description,
      owner: named(nameOf, b.ownerId),
      dueAt: b.dueAt,
      brokenAt: b.brokenAt,
    })),
  };
}

/** `escalationLevel`: the level of the escalation whose task this is, if it is one. */
export function presentTask(
  row: typeof tasks.$inferSelect,
  caseNumber: number | null,
  nameOf: NameOf,
  escalationLevel?: number | null,
): TaskView {
  return {
    ...(escalationLevel ? { escalationLevel } : {}),
    id: row.id,
    caseId: row.caseId,
    reference: caseNumber === null ? null : caseReference(caseNumber),
    kind: row.kind,
    title: row.title,
    assignee: named(nameOf, row.assigneeId),
    dueAt: row.dueAt.toISOString(),
    doneAt: row.doneAt?.toISOString() ?? null,
  };
}

// Message events are shown through the message itself; every other fact is a timeline row.
const SHOWN_AS_MESSAGE = new Set(['message.received', 'message.sent', 'note.added']);

export function buildTimeline(messageViews: MessageView[], events: KeptEvent[], nameOf: NameOf): TimelineItem[] {
  const items: TimelineItem[] = [
    ...messageViews.map((m) => ({ kind: 'message' as const, at: m.createdAt, caseId: m.caseId, message: m })),
    ...events.flatMap((e) => {
      const item = {
        kind: 'event' as const,
        at: e.occurredAt.toISOString(),
        caseId: e.caseId,
        eventType: e.type as string,
        data: withNames(e.data as Record<string, unknown>, nameOf),
        actor: e.actorUserId ? named(nameOf, e.actorUserId) : null,
      };
      if (!SHOWN_AS_MESSAGE.has(e.type)) return [item];
      // A repeat inside the acknowledgement window is recorded on its message's event; the
      // timeline shows it as the line that older cases have as an event of its own.
      const suppressed =
        e.type === 'message.received'
          ? (e.data as { suppressedAcknowledgement?: { previousAcknowledgementId: string } }).suppressedAcknowledgement
          : undefined;
      if (!suppressed) return [];
      const messageId = (e.data as { messageId: string }).messageId;
      return [
        {
          ...item,
          eventType: 'acknowledgement.suppressed',
          data: { messageId, previousAcknowledgementId: suppressed.previousAcknowledgementId },
        },
      ];
    }),
  ];
  // Stable: a message and the events it caused share a timestamp; the message comes first.
  return items.sort((a, b) => a.at.localeCompare(b.at) || (a.kind === b.kind ? 0 : a.kind === 'message' ? -1 : 1));
}

/** Adds display names next to the user ids an event carries, so the screen need not look them up. */
function withNames(data: Record<string, unknown>, nameOf: NameOf): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data };
  for (const key of ['toUserId', 'fromUserId', 'ownerId', 'assigneeId', 'supervisorId']) {
    const id = data[key];
    if (typeof id === 'string' && id) out[key.replace(/Id$/, 'Name')] = nameOf(id);
  }
  return out;
}
