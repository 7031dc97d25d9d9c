// Notifications for what is mine (issue 16), computed from the events like every report: a new
// customer message on a case I own, my promise's reminder (due soon) or breach, and an escalation
// that reached me — opened (to everyone who supervises) or handed up to me.
// Read marks are one number per person (`notice_reads.seen_event_id`): event ids only grow.
import { and, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { MyNotice, MyNoticesResponse } from '../contract/live-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, events } from '../db/schema.ts';
import { noticeReads } from '../db/schema-live.ts';
import { caseReference } from '../kernel/case-reference.ts';
import { SUPERVISING_ROLES, type MyNoticeKind, type Role } from '../kernel/domain-words.ts';

export const MY_NOTICE_LIMIT = 30;
export const MY_NOTICE_DAYS = 14;

const KIND_OF: Record<string, MyNoticeKind> = {
  'message.received': 'message',
  'promise.reminded': 'promise_due',
  'promise.broken': 'promise_broken',
  'escalation.opened': 'escalation',
  'escalation.deadline_missed': 'escalation',
  'escalation.promise_broken': 'escalation',
};

export interface NoticeReader {
  workspaceId: string;
  userId: string;
  role: Role;
}

export async function listMyNotices(db: Db, reader: NoticeReader, now: Date): Promise<MyNoticesResponse> {
  const since = new Date(now.getTime() - MY_NOTICE_DAYS * 86_400_000);
  const me = reader.userId;
  // An escalation is opened to the supervising roles (the ladder's first level that has someone in it).
  const supervises = (SUPERVISING_ROLES as readonly Role[]).includes(reader.role);
  const mine = sql`(
    (${events.type} = 'message.received' and ${cases.ownerId} = ${me}
      and ${events.actorUserId} is distinct from ${me})
    or (${events.type} in ('promise.reminded', 'promise.broken') and exists (
      select 1 from promises p where p.workspace_id = ${events.workspaceId}
        and p.id::text = ${events.data} ->> 'promiseId' and p.owner_id = ${me}))
    or (${events.type} = 'escalation.opened' and ${supervises})
    or (${events.type} in ('escalation.deadline_missed', 'escalation.promise_broken')
      and ${events.data} ->> 'assigneeId' = ${me}::text)
  )`;
  const [rows, [read]] = await Promise.all([
    db
      .select({
        id: events.id,
        type: events.type,
        caseId: cases.id,
        number: cases.number,
        subject: cases.subject,
        at: events.occurredAt,
      })
      .from(events)
      .innerJoin(cases, and(eq(cases.workspaceId, events.workspaceId), eq(cases.id, events.caseId)))
      .where(
        and(
          eq(events.workspaceId, reader.workspaceId),
          inArray(events.type, Object.keys(KIND_OF)),
          gt(events.occurredAt, since),
          mine,
        ),
      )
      .orderBy(desc(events.id))
      .limit(MY_NOTICE_LIMIT),
    db
      .select({ seen: noticeReads.seenEventId })
      .from(noticeReads)
      .where(and(eq(noticeReads.workspaceId, reader.workspaceId), eq(noticeReads.userId, me))),
  ]);
  const seen = read?.seen ?? 0;
  const notices: MyNotice[] = rows.map((r) => ({
    eventId: r.id,
    kind: KIND_OF[r.type] ?? 'message',
    caseId: r.caseId,
    caseReference: caseReference(r.number),
    subject: r.subject,
    at: r.at.toISOString(),
    unread: r.id > seen,
  }));
  return { notices, unread: notices.filter((n) => n.unread).length };
}
