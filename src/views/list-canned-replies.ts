import { and, asc, desc, eq, isNull, or } from 'drizzle-orm';
import type { CannedReplyView, CaseCannedRepliesResponse, FilledCannedReply } from '../contract/canned-reply-types.ts';
import type { Db } from '../db/open-database.ts';
import { cases, customers, promises, users } from '../db/schema.ts';
import { cannedReplies } from '../db/schema-replies.ts';
import { notFound } from '../errors/kept-error.ts';
import { caseReference } from '../kernel/case-reference.ts';
import {
  canEditCannedReply,
  fillPlaceholders,
  quotedTimeText,
  type CannedReplyAuthor,
  type CannedReplyRow,
} from '../desk/index.ts';
import { loadWorkspace } from '../workspaces/index.ts';

export function presentCannedReply(author: CannedReplyAuthor, row: CannedReplyRow): CannedReplyView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    language: row.language,
    shared: row.ownerUserId === null,
    editable: canEditCannedReply(author, row),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The replies a person may use: the workspace's shared ones and their own, by language and title. */
async function visibleReplies(db: Db, author: CannedReplyAuthor): Promise<CannedReplyRow[]> {
  return db
    .select()
    .from(cannedReplies)
    .where(
      and(
        eq(cannedReplies.workspaceId, author.workspaceId),
        or(isNull(cannedReplies.ownerUserId), eq(cannedReplies.ownerUserId, author.userId)),
      ),
    )
    .orderBy(asc(cannedReplies.language), asc(cannedReplies.title));
}

export async function listCannedReplies(db: Db, author: CannedReplyAuthor): Promise<CannedReplyView[]> {
  return (await visibleReplies(db, author)).map((row) => presentCannedReply(author, row));
}

/**
 * The replies filled in for one case: the customer's name, the reference, the time quoted to
 * them (the first-answer promise, else the next open one) in their language and the
 * workspace's zone, and the agent's name. Replies in the customer's language come first.
 */
export async function cannedRepliesForCase(
  db: Db,
  author: CannedReplyAuthor,
  caseId: string,
): Promise<CaseCannedRepliesResponse> {
  const [row] = await db
    .select({ number: cases.number, customerName: customers.name, language: customers.language })
    .from(cases)
    .innerJoin(customers, and(eq(customers.workspaceId, cases.workspaceId), eq(customers.id, cases.customerId)))
    .where(and(eq(cases.workspaceId, author.workspaceId), eq(cases.id, caseId)));
  if (!row) throw notFound('The case');
  const [quoted] = await db
    .select({ dueAt: promises.dueAt })
    .from(promises)
    .where(and(eq(promises.workspaceId, author.workspaceId), eq(promises.caseId, caseId)))
    .orderBy(desc(eq(promises.kind, 'first_response')), desc(eq(promises.status, 'open')), desc(promises.createdAt))
    .limit(1);
  const [agent] = await db.select({ name: users.name }).from(users).where(eq(users.id, author.userId));
  const workspace = await loadWorkspace(db, author.workspaceId);
  const values = {
    customer_name: row.customerName,
    case_reference: caseReference(row.number),
    agent_name: agent?.name ?? '',
    ...(quoted ? { quoted_time: quotedTimeText(quoted.dueAt, row.language, workspace.timeZone) } : {}),
  };
  const replies: FilledCannedReply[] = (await visibleReplies(db, author)).map((reply) => {
    const filled = fillPlaceholders(reply.body, values);
    return {
      id: reply.id,
      title: reply.title,
      language: reply.language,
      shared: reply.ownerUserId === null,
      text: filled.text,
      missing: filled.missing,
    };
  });
  const own = (r: FilledCannedReply) => (r.language === row.language ? 0 : 1);
  replies.sort((a, b) => own(a) - own(b));
  return { language: row.language, replies };
}
