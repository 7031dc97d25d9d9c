// Everything processing asks the store about one inbound e-mail, in one statement: the row
// itself (locked, when it is taken for processing), the cases its threading headers, subject
// reference and reply-to plus-addresses point at, the sender's recent open cases (the subject
// match), whether its Message-ID is one of our own outbound ones, and how many messages the
// sender sent in the rate-limit window. Asked one by one these were 4–6 round trips per
// message, each costing more (query building, a socket write, a parse) than the reading itself.
//
// The answers feed the unchanged `threadEmail` rules through a ThreadLookup; anything the rules
// ask that was not fetched here goes to the store as before (`emailThreadLookup`), so the
// prefetch can only save round trips, never change a decision.
import { parseCaseReference } from '../../kernel/case-reference.ts';
import { OPEN_CASE_STATUSES } from '../../kernel/domain-words.ts';
import {
  freshStaffLoads,
  newCaseFromJson,
  newCaseJsonSql,
  type NewCaseState,
  type ThreadState,
  threadStateFromRow,
  threadStateJsonSql,
} from '../../desk/index.ts';
import { normalizeEmail } from '../../customers/index.ts';
import { runHotStatement } from '../../db/hot-statement.ts';
import type { Db } from '../../db/open-database.ts';
import { caseNumberFromAddress } from '../reply-address.ts';
import { bareMessageId } from '../thread-ids.ts';
import { emailThreadLookup } from './email-thread-lookup.ts';
import { RATE_LIMIT } from './loop-safety.ts';
import { SUBJECT_MATCH_WINDOW_DAYS, type ThreadCase, type ThreadInput, type ThreadLookup } from './thread-email.ts';

// Constant text, so the statement stays one prepared shape.
const OPEN_STATUSES_SQL = OPEN_CASE_STATUSES.map((s) => `'${s}'`).join(', ');

export interface InboundRowState {
  id: string;
  workspaceId: string;
  status: string;
  attempts: number;
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageIdHeader: string | null;
  /** The earlier, different message whose Message-ID this one reused (store-inbound-email.ts). */
  messageIdReusedOf: string | null;
  fromAddress: string | null;
  receivedAt: Date;
}

export interface InboundLookups {
  row: InboundRowState;
  lookup: ThreadLookup;
  /** Direction of the thread id equal to the row's own Message-ID, if one is recorded. */
  ownMessageIdDirection: 'inbound' | 'outbound' | null;
  /** The case an inbound thread id equal to the row's own Message-ID names: a reply claimed it first. */
  ownMessageIdCase: string | null;
  /** Messages from the sender in the rate-limit window, this one included (0 without a sender). */
  recentFromSender: number;
  /** Every case the answers name: what another message of the batch must not have changed. */
  casesFound: string[];
  /** Intake's read, taken along: the thread of each case pointed at, and what a new case needs. */
  intake: { threads: ThreadState[]; newCase: NewCaseState | null };
}

/** What threading will ask, known from the parsed message before the row is read. */
export interface LookupQuestions {
  headerIds: string[];
  caseNumbers: number[];
  /** The sender as parsed; the row's stored sender is used when null. */
  fromAddress: string | null;
}

export function lookupQuestions(
  input: Pick<ThreadInput, 'inReplyTo' | 'references' | 'subject' | 'recipients'>,
  fromAddress: string | null,
): LookupQuestions {
  const subjectNumber = input.subject ? parseCaseReference(input.subject) : null;
  const numbers = input.recipients.map(caseNumberFromAddress).filter((n): n is number => n !== null);
  return {
    // The same ids, cleaned the same way, as casesForMessageIds would look up.
    headerIds: [...new Set([...input.inReplyTo, ...input.references].map(bareMessageId).filter(Boolean))].slice(0, 100),
    caseNumbers: [...new Set(subjectNumber !== null ? [subjectNumber, ...numbers] : numbers)].slice(0, 100),
    fromAddress,
  };
}

const DAY_MS = 86_400_000;
const caseJson = `json_build_object('id', c.id, 'number', c.number, 'customerEmail', cu.email, 'status', c.status, 'subject', c.subject,
  'lastActivityMs', extract(epoch from coalesce(c.last_customer_message_at, c.updated_at)) * 1000)`;
// Milliseconds as an exact interval ('7 days' would follow the session's DST rules).
const msBefore = (ms: number) => `ie.received_at - (${ms}::float8 * interval '1 millisecond')`;
const from = `coalesce(q.from_address, ie.from_address)`;

// The questions go in as one jsonb parameter, a row each, so the text is the same for any
// batch and runs as one prepared statement. Every list is unnested and each element looked up
// by a scalar subquery on a unique index — (workspace, Message-ID), the case number, the case
// id — which the planner cannot turn into a scan of the whole workspace joined afterwards, as
// it did with `= any(list)` and with plain joins whenever it believed the tables small (a store
// without statistics yet, as in the benchmark; docs/BENCHMARKS.md). `offset 0` keeps each
// lateral part computed once, though it is used twice.
// Intake's read is taken along (read-intake-state.ts): the state of the cases the message
// points at, and — only for a message that points nowhere, from a sender without an open
// case, when the caller holds the staff's loads — the customer and a case number.
const threadIdOf = (idSql: string, what: string) =>
  `(select ${what} from email_thread_ids t where t.workspace_id = ie.workspace_id and t.message_id_header = ${idSql})`;
const lookupsText = (
  lock: boolean,
) => `select q.ord, ie.id, ie.workspace_id as "workspaceId", ie.status, ie.attempts, ie.envelope_from as "envelopeFrom",
    array_to_json(ie.envelope_to) as "envelopeTo", ie.message_id_header as "messageIdHeader",
    ie.message_id_reused_of as "messageIdReusedOf", ie.from_address as "fromAddress",
    extract(epoch from ie.received_at) * 1000 as "receivedMs", l."threadIds", l."pointedCases", l."senderCases",
    (select count(*)::int from inbound_emails i where i.workspace_id = ie.workspace_id and i.from_address = ${from}
      and i.received_at >= ${msBefore(RATE_LIMIT.windowMinutes * 60_000)} and i.received_at <= ie.received_at) as "recent",
    (select coalesce(json_agg(${threadStateJsonSql('pc.id', 'ie.workspace_id')}), '[]'::json) from (select id from unnest(p.ids) pc(id) limit 3) pc) as "intakeThreads",
    case when q.new_case and json_array_length(l."pointedCases") = 0 and json_array_length(l."senderCases") = 0
      then ${newCaseJsonSql('ie.workspace_id', 'q.customer_email')} end as "intakeNewCase"
  from jsonb_to_recordset($1::jsonb) as q(ord int, id uuid, header_ids text[], case_numbers bigint[], from_address text, new_case boolean, customer_email text)
  join inbound_emails ie on ie.id = q.id
  cross join lateral (select array_remove(array(
      select ${threadIdOf('h.id', 't.case_id')} from unnest(q.header_ids) h(id)
      union select (select c.id from cases c where c.number = n.number and c.workspace_id = ie.workspace_id) from unnest(q.case_numbers) n(number)
    ), null) as ids offset 0) p
  cross join lateral (select
    (select coalesce(json_agg(x.t) filter (where x.t is not null), '[]'::json) from (select ${threadIdOf('h.id', `json_build_object('id', t.message_id_header, 'caseId', t.case_id, 'direction', t.direction)`)} as t
      from unnest(q.header_ids || ie.message_id_header) h(id)) x) as "threadIds",
    (select coalesce(json_agg((select ${caseJson} from cases c join customers cu on cu.id = c.customer_id where c.id = pc.id)), '[]'::json)
      from unnest(p.ids) pc(id)) as "pointedCases",
    (select coalesce(json_agg(s.c), '[]'::json) from (select ${caseJson} as c from customers cu join cases c on c.customer_id = cu.id
      where cu.workspace_id = ie.workspace_id and cu.email = lower(${from}) and c.status in (${OPEN_STATUSES_SQL})
      and c.updated_at >= ${msBefore(SUBJECT_MATCH_WINDOW_DAYS * DAY_MS)} order by c.updated_at desc limit 20) s) as "senderCases" offset 0) l
  ${lock ? 'for update of ie skip locked' : ''}`;

/**
 * Reads the row and answers the questions in one statement. `lock` takes the row for
 * processing (FOR UPDATE SKIP LOCKED): null when another worker holds it or it is gone.
 * With the row's workspace (known beforehand), a new case's read is taken along too.
 */
export async function inboundLookups(
  db: Db,
  inboundId: string,
  questions: LookupQuestions,
  lock: boolean,
  workspaceId?: string,
): Promise<InboundLookups | null> {
  return (await inboundLookupsForBatch(db, [{ id: inboundId, questions, workspaceId }], lock))[0] ?? null;
}

/**
 * The same for several messages in one statement, answered in their order (null for a row
 * another worker holds, or gone). The answers are as of this moment: a message of the batch
 * processed before another can change what the other would find (batch-staleness.ts says when).
 */
export async function inboundLookupsForBatch(
  db: Db,
  items: ReadonlyArray<{ id: string; questions: LookupQuestions; workspaceId?: string }>,
  lock: boolean,
): Promise<Array<InboundLookups | null>> {
  if (items.length === 0) return [];
  // The staff's loads as held now go with a new case's read (read-intake-state.ts, newCaseJsonSql).
  const staff = items.map(({ workspaceId }) => (workspaceId ? freshStaffLoads(workspaceId) : null));
  const param = items.map(({ id, questions }, ord) => ({
    ord,
    id,
    header_ids: questions.headerIds,
    case_numbers: questions.caseNumbers,
    from_address: questions.fromAddress,
    new_case: staff[ord] !== null && normalizeEmail(questions.fromAddress) !== null,
    customer_email: normalizeEmail(questions.fromAddress),
  }));
  const rows = await runHotStatement<RawLookups & { ord: number }>(db, lookupsText(lock), [JSON.stringify(param)]);
  const out: Array<InboundLookups | null> = items.map(() => null);
  for (const found of rows) {
    const ord = Number(found.ord);
    const staffLoads = staff[ord];
    out[ord] = {
      ...lookupsOf(db, items[ord]!.questions, found),
      intake: {
        threads: (json<unknown[]>(found.intakeThreads) ?? []).filter((t) => t !== null).map(threadStateFromRow),
        newCase:
          found.intakeNewCase && staffLoads && found.workspaceId === items[ord]!.workspaceId
            ? newCaseFromJson(found.intakeNewCase, staffLoads)
            : null,
      },
    };
  }
  return out;
}

function lookupsOf(db: Db, questions: LookupQuestions, found: RawLookups): Omit<InboundLookups, 'intake'> {
  const row: InboundRowState = {
    id: found.id,
    workspaceId: found.workspaceId,
    status: found.status,
    attempts: Number(found.attempts),
    envelopeFrom: found.envelopeFrom,
    envelopeTo: json<string[]>(found.envelopeTo) ?? [],
    messageIdHeader: found.messageIdHeader,
    messageIdReusedOf: found.messageIdReusedOf,
    fromAddress: found.fromAddress,
    receivedAt: new Date(Number(found.receivedMs)),
  };
  const threadIds =
    json<Array<{ id: string; caseId: string; direction: 'inbound' | 'outbound' }>>(found.threadIds) ?? [];
  const pointedCases = (json<RawCase[]>(found.pointedCases) ?? []).map(threadCase);
  const senderCases = (json<RawCase[]>(found.senderCases) ?? []).map(threadCase);
  const fromAddress = questions.fromAddress ?? row.fromAddress;
  return {
    row,
    lookup: prefetchedLookup(
      emailThreadLookup(db, row.workspaceId),
      questions,
      row,
      fromAddress,
      threadIds,
      pointedCases,
      senderCases,
    ),
    ownMessageIdDirection: threadIds.find((t) => t.id === row.messageIdHeader)?.direction ?? null,
    ownMessageIdCase: threadIds.find((t) => t.id === row.messageIdHeader && t.direction === 'inbound')?.caseId ?? null,
    recentFromSender: fromAddress ? Number(found.recent) : 0,
    casesFound: [
      ...new Set([
        ...threadIds.map((t) => t.caseId),
        ...pointedCases.map((c) => c.id),
        ...senderCases.map((c) => c.id),
      ]),
    ],
  };
}

function prefetchedLookup(
  store: ThreadLookup,
  questions: LookupQuestions,
  row: InboundRowState,
  fromAddress: string | null,
  threadIds: Array<{ id: string; caseId: string }>,
  pointedCases: ThreadCase[],
  senderCases: ThreadCase[],
): ThreadLookup {
  const asked = new Set(questions.headerIds);
  const numbers = new Set(questions.caseNumbers);
  const byId = new Map(pointedCases.map((c) => [c.id, c]));
  const byNumber = new Map(pointedCases.map((c) => [c.number, c]));
  const senderSince = row.receivedAt.getTime() - SUBJECT_MATCH_WINDOW_DAYS * DAY_MS;
  return {
    async casesByMessageIds(ids) {
      const bare = [...new Set(ids.map(bareMessageId).filter(Boolean))].slice(0, 100);
      if (!bare.every((id) => asked.has(id))) return store.casesByMessageIds(ids);
      const wanted = new Set(bare);
      return new Map(threadIds.filter((t) => wanted.has(t.id)).map((t) => [t.id, t.caseId]));
    },
    async caseById(id) {
      // Every case a fetched thread id names was fetched with it.
      return byId.get(id) ?? (threadIds.some((t) => t.caseId === id && asked.has(t.id)) ? null : store.caseById(id));
    },
    async caseByNumber(number) {
      return byNumber.get(number) ?? (numbers.has(number) ? null : store.caseByNumber(number));
    },
    async openCasesOfSender(email, since) {
      const same =
        !!fromAddress && email.toLowerCase() === fromAddress.toLowerCase() && since.getTime() === senderSince;
      return same ? senderCases : store.openCasesOfSender(email, since);
    },
  };
}

interface RawCase {
  id: string;
  number: number | string;
  customerEmail: string | null;
  status: ThreadCase['status'];
  subject: string;
  lastActivityMs: number | string;
}

interface RawLookups {
  id: string;
  workspaceId: string;
  status: string;
  attempts: number | string;
  envelopeFrom: string | null;
  envelopeTo: unknown;
  messageIdHeader: string | null;
  messageIdReusedOf: string | null;
  fromAddress: string | null;
  receivedMs: number | string;
  threadIds: unknown;
  pointedCases: unknown;
  senderCases: unknown;
  recent: number | string;
  intakeThreads: unknown;
  intakeNewCase: unknown;
}

const threadCase = (c: RawCase): ThreadCase => ({
  id: c.id,
  number: Number(c.number),
  customerEmail: c.customerEmail,
  status: c.status,
  subject: c.subject,
  lastActivityAt: new Date(Number(c.lastActivityMs)),
});

/** json columns: parsed by node-postgres and PGlite alike, but tolerate text. */
function json<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
