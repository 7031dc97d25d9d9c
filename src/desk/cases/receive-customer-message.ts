import type { CustomerIdentity } from '../../customers/index.ts';
import type { Db } from '../../db/open-database.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { detectSupervisorRequest } from '../escalations/supervisor-request/supervisor-request-phrases.ts';
import { openEscalation } from '../escalations/open-escalation.ts';
import { markComplaint } from '../complaints/mark-complaint.ts';
import { recognizeComplaint } from '../complaints/recognize-complaint.ts';
import type { Channel } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { detectLanguage } from '../../language/index.ts';
import { loadWorkspace } from '../../workspaces/index.ts';
import { countAssignment } from './staff-loads.ts';
import type { CaseRow, PrefetchedIntake, ThreadState } from './read-intake-state.ts';
import { insideTransaction, type IntakeVersions } from './write-intake.ts';
import { writeIntake } from './intake-group-commit.ts';
import { cachedThread, forgetThread, rememberThread } from './thread-cache.ts';
import { pgErrorCode } from '../../db/pg-error.ts';
import { planIntake, type KnownState } from './plan-intake.ts';

export interface ReceiveMessageInput {
  workspaceId: string;
  /** Threads onto this case; without it a new case is opened. */
  caseId?: string;
  /** Who wrote; on an existing case it defaults to the case's customer. */
  customer?: CustomerIdentity;
  channel: Channel;
  subject?: string;
  body: string;
  /** A staff member logging the contact (a phone call, a fax); null when the customer wrote in. */
  loggedByUserId?: string | null;
  externalId?: string | null;
  /** E-mail: the folded quoted history/signature and the sanitized HTML, kept beside the new part. */
  quotedText?: string | null;
  htmlBody?: string | null;
  /** Intake's read, taken along by the caller in a statement of its own (read-intake-state.ts); for the optimistic try only. */
  prefetched?: PrefetchedIntake;
}

/**
 * The arrival of any customer contact on any channel: find the customer, thread or open the
 * case with an accountable owner, store the message, acknowledge it with a realistic time
 * that becomes a promise, open an escalation if a supervisor was asked for, and queue the
 * hell assessment. All of it is stored or nothing is.
 *
 * Intake is the busiest write path, so it takes two statements (docs/BENCHMARKS.md, "Core
 * desk"): one read of what the decisions need (read-intake-state.ts), then the decisions in
 * plain code, then one write of every row and timer (write-intake.ts). A message on a case
 * this process wrote last skips the read: it decides on the state that write left
 * (thread-cache.ts), and its write is guarded by that state's row versions. A supervisor
 * request adds an escalation, written with the intake in one transaction.
 */
export async function receiveCustomerMessage(ctx: DeskContext, input: ReceiveMessageInput) {
  const body = input.body.trim();
  if (body.length === 0) throw new KeptError('request.invalid', 'The message is empty', { field: 'body' });
  const workspace = await loadWorkspace(ctx.db, input.workspaceId);
  const detected = detectLanguage(body);
  const supervisor = detectSupervisorRequest(body);
  // K12: the customer's words say they complain; marked in the locked transaction below, like an escalation.
  const complaint = recognizeComplaint(body);
  // Only a certain request escalates; a likely one is a suspicion written on the fast path (issue 18).
  const plain = !supervisor.certain && !complaint.complained;

  const decide = (db: Db, lock: boolean, known: ThreadState | null = null) =>
    planIntake({ ...ctx, db }, workspace, input, body, detected, lock, known, supervisor);
  // Versions are only meaningful for a write committed on its own (thread-cache.ts).
  const remember = !insideTransaction(ctx.db);

  if (plain && remember && input.caseId) {
    // This process wrote the case last: decide on what that write left, one statement in all.
    const known = cachedThread(ctx.db, workspace.id, input.caseId);
    if (known) {
      try {
        const intake = await decide(ctx.db, false, known);
        const written = await writeIntake(ctx.db, ctx.timers, intake.write);
        if (written) return afterWrite(ctx.db, { ...intake.result, escalation: null }, intake.known, written);
      } catch {
        // Whatever a stale state made go wrong (a customer's changed address, say), a fresh read decides again.
      }
      forgetThread(ctx.db, input.caseId);
    }
  }
  if (plain) {
    // Optimistic: read, decide, write if nothing changed meanwhile — two statements, no transaction.
    try {
      const intake = await decide(ctx.db, false);
      const written = await writeIntake(ctx.db, ctx.timers, intake.write);
      if (written)
        return afterWrite(ctx.db, { ...intake.result, escalation: null }, remember ? intake.known : null, written);
    } catch (error) {
      // A first message from a new address raced another one; the locked try below finds the customer it created.
      if (!isRaceWithNewCustomer(error) || insideTransaction(ctx.db)) throw error;
    }
  }
  // The case changed between the read and the write (another message on it, an agent's
  // action), or an escalation or a complaint mark is to be written too: this time lock the case while deciding.
  const written = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const intake = await decide(tx, true);
    if (!(await writeIntake(tx, ctx.timers, intake.write)))
      throw new Error('intake: the locked case changed under its lock');
    const escalation = supervisor.certain
      ? await openEscalation(
          { ...ctx, db: tx },
          {
            workspaceId: workspace.id,
            caseId: intake.result.caseRow.id,
            customerId: intake.result.customer.id,
            via: 'message',
            reason: supervisor.phrase ?? '',
            actorUserId: null,
            deadlineMinutes: workspace.settings.escalationDeadlineMinutes,
          },
        )
      : null;
    if (complaint.complained)
      await markComplaint(
        { ...ctx, db: tx },
        {
          workspaceId: workspace.id,
          caseId: intake.result.caseRow.id,
          source: 'customer_words',
          reason: complaint.phrase ?? '',
          actorUserId: null,
        },
      );
    return { ...intake.result, escalation: escalation?.escalation ?? null };
  });
  // Written in a transaction: its version cannot be told from later changes in it, so nothing is remembered.
  if (input.caseId) forgetThread(ctx.db, input.caseId);
  return afterWrite(ctx.db, written, null, null);
}

/**
 * A new case this process assigned counts in its owner's load at once (staff-loads.ts), and
 * the state a committed single-statement write left is remembered for the case's next message.
 */
function afterWrite<T extends { opened: boolean; caseRow: CaseRow }>(
  db: Db,
  received: T,
  known: KnownState | null,
  written: IntakeVersions | null,
): T {
  if (received.opened && received.caseRow.ownerId)
    countAssignment(received.caseRow.workspaceId, received.caseRow.ownerId);
  const customerVersion = written?.customerVersion ?? known?.customerVersion;
  if (known && written && customerVersion)
    rememberThread(db, { ...known, version: written.caseVersion, customerVersion });
  return received;
}

/** Unique violation on the customer's address, or a foreign key to a customer the other writer won. */
function isRaceWithNewCustomer(error: unknown): boolean {
  const code = pgErrorCode(error);
  return code === '23505' || code === '23503';
}

export type ReceivedMessage = Awaited<ReturnType<typeof receiveCustomerMessage>>;
export type { ThreadState };
