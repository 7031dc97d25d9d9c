// Which case an inbound e-mail belongs to. The order (issue 3): the mail's own threading
// headers, then a case reference in the subject or the reply-to plus-address, and only as a
// last, conservative resort the same customer writing the same subject within a week.
//
// Safety policy: a pointer (header, token, plus-address) to a case threads ONLY when the
// sender is that case's customer. Otherwise — a forward, a colleague replying, the customer
// writing from another address, a stranger reusing headers — a new case is opened and the
// pointed-at case is returned as `relatedCaseId`, so the agent sees the link and can merge by
// hand. Putting a stranger's words into someone else's case (and their acknowledgement to
// that customer's address) is the one mistake that cannot be undone.
import { parseCaseReference } from '../../kernel/case-reference.ts';
import { OPEN_CASE_STATUSES, type CaseStatus } from '../../kernel/domain-words.ts';
import { caseNumberFromAddress } from '../reply-address.ts';
import { isForwardSubject, normalizeSubject } from './normalize-subject.ts';

export interface ThreadCase {
  id: string;
  number: number;
  customerEmail: string | null;
  status: CaseStatus;
  subject: string;
  lastActivityAt: Date;
}

/** The store, as threading needs it; every lookup is scoped to one workspace by the caller. */
export interface ThreadLookup {
  /** Cases owning these Message-IDs (bare, no angle brackets). */
  casesByMessageIds(ids: string[]): Promise<Map<string, string>>;
  caseById(id: string): Promise<ThreadCase | null>;
  caseByNumber(number: number): Promise<ThreadCase | null>;
  /** The sender's open cases, most recent activity first. */
  openCasesOfSender(email: string, since: Date): Promise<ThreadCase[]>;
}

export interface ThreadInput {
  fromAddress: string | null;
  subject: string | null;
  inReplyTo: string[];
  references: string[];
  /** Every recipient address (envelope and To/Cc), where a plus-address may name the case. */
  recipients: string[];
  receivedAt: Date;
  /**
   * The case a reply to this message, processed before it, claimed this message's own
   * Message-ID for (message-id-locks.ts): the parent joins the conversation its reply opened.
   */
  claimedCaseId?: string | null;
}

export type ThreadedBy =
  | 'in_reply_to'
  | 'references'
  /** A reply to this message was processed first and claimed its Message-ID for its case. */
  | 'earlier_reply'
  | 'subject_reference'
  | 'reply_address'
  | 'subject_match';

export interface ThreadDecision {
  caseId: string | null;
  threadedBy: ThreadedBy | null;
  /** A case the mail pointed at but was not threaded into, and why. */
  relatedCaseId: string | null;
  relatedBy: ThreadedBy | null;
}

export const SUBJECT_MATCH_WINDOW_DAYS = 7;
const OPEN = new Set<CaseStatus>(OPEN_CASE_STATUSES);

const sameAddress = (a: string | null, b: string | null) =>
  !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export async function threadEmail(input: ThreadInput, lookup: ThreadLookup): Promise<ThreadDecision> {
  let related: { id: string; by: ThreadedBy } | null = null;
  const consider = (found: ThreadCase | null, by: ThreadedBy): ThreadDecision | null => {
    if (!found) return null;
    if (sameAddress(found.customerEmail, input.fromAddress))
      return { caseId: found.id, threadedBy: by, relatedCaseId: null, relatedBy: null };
    related ??= { id: found.id, by };
    return null;
  };

  // 1. Headers: In-Reply-To names the direct parent; References, newest last, the ancestry.
  const headerIds = [...input.inReplyTo, ...[...input.references].reverse()];
  if (headerIds.length > 0) {
    const owners = await lookup.casesByMessageIds(headerIds);
    const seen = new Set<string>();
    for (const id of headerIds) {
      const caseId = owners.get(id);
      if (!caseId || seen.has(caseId)) continue;
      seen.add(caseId);
      const decided = consider(
        await lookup.caseById(caseId),
        input.inReplyTo.includes(id) ? 'in_reply_to' : 'references',
      );
      if (decided) return decided;
    }
  }

  // 1b. A reply came first (concurrent batches, or the parent delivered late) and named this message.
  if (input.claimedCaseId) {
    const decided = consider(await lookup.caseById(input.claimedCaseId), 'earlier_reply');
    if (decided) return decided;
  }

  // 2. A reference in the subject ([#K-1042], K-1042), then 3. the reply-to plus-address.
  const subjectNumber = input.subject ? parseCaseReference(input.subject) : null;
  if (subjectNumber !== null) {
    const decided = consider(await lookup.caseByNumber(subjectNumber), 'subject_reference');
    if (decided) return decided;
  }
  for (const recipient of input.recipients) {
    const number = caseNumberFromAddress(recipient);
    if (number === null) continue;
    const decided = consider(await lookup.caseByNumber(number), 'reply_address');
    if (decided) return decided;
  }

  // 4. Last resort, conservative: same sender, same normalized subject, open case, within a
  // week — never for a forward (a new topic) or a subject too short to mean anything, and
  // never when a pointer above named another case.
  const normalized = normalizeSubject(input.subject);
  if (!related && input.fromAddress && normalized.length >= 4 && !isForwardSubject(input.subject)) {
    const since = new Date(input.receivedAt.getTime() - SUBJECT_MATCH_WINDOW_DAYS * 86_400_000);
    const candidates = await lookup.openCasesOfSender(input.fromAddress, since);
    const match = candidates.find(
      (c) => OPEN.has(c.status) && c.lastActivityAt >= since && normalizeSubject(c.subject) === normalized,
    );
    if (match) return { caseId: match.id, threadedBy: 'subject_match', relatedCaseId: null, relatedBy: null };
  }
  const rel = related as { id: string; by: ThreadedBy } | null;
  return { caseId: null, threadedBy: null, relatedCaseId: rel?.id ?? null, relatedBy: rel?.by ?? null };
}
