// A batch asks the store about all its messages at once, before any of them is processed
// (inbound-lookups.ts). Processing a message can change what a later one of the same batch
// would have found: a reply to it (its Message-ID is now a thread id), the same sender again
// (a customer now exists, an open case matches the subject, the rate-limit count), a case it
// wrote (status, activity) or opened (a number a subject may name). This remembers what the
// batch has changed so far; a message whose early answers it touches is asked again, alone,
// so that it is decided exactly as if the messages had come one by one.
import type { InboundLookups, LookupQuestions } from './inbound-lookups.ts';

/** What processing one message changed, as far as the lookups of another could see. */
export interface MessageChanges {
  /** The sender, as parsed and as the row stored it (the rate limit counts stored senders). */
  senders: Array<string | null>;
  /** The Message-ID recorded for its case (bare), if any. */
  threadId: string | null;
  /** Header ids it claimed for its case (message-id-locks.ts). */
  claimIds?: readonly string[];
  /** Cases written or given an event. */
  caseIds: Array<string | null>;
  /** The number of a case it opened. */
  openedCaseNumber: number | null;
}

export class BatchChanges {
  private readonly senders = new Set<string>();
  private readonly threadIds = new Set<string>();
  private readonly caseIds = new Set<string>();
  private readonly caseNumbers = new Set<number>();

  record(changes: MessageChanges): void {
    for (const sender of changes.senders) if (sender) this.senders.add(sender.toLowerCase());
    if (changes.threadId) this.threadIds.add(changes.threadId);
    for (const id of changes.claimIds ?? []) this.threadIds.add(id);
    for (const id of changes.caseIds) if (id) this.caseIds.add(id);
    if (changes.openedCaseNumber !== null) this.caseNumbers.add(changes.openedCaseNumber);
  }

  /** Whether answers read before the batch began may differ from what the store says now. */
  touches(questions: LookupQuestions, found: InboundLookups): boolean {
    const sender = questions.fromAddress ?? found.row.fromAddress;
    if (sender && this.senders.has(sender.toLowerCase())) return true;
    if (found.row.fromAddress && this.senders.has(found.row.fromAddress.toLowerCase())) return true;
    if (questions.headerIds.some((id) => this.threadIds.has(id))) return true;
    if (found.row.messageIdHeader && this.threadIds.has(found.row.messageIdHeader)) return true;
    if (questions.caseNumbers.some((n) => this.caseNumbers.has(n))) return true;
    return found.casesFound.some((id) => this.caseIds.has(id));
  }
}
