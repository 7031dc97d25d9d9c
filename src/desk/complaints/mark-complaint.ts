import { eq } from 'drizzle-orm';
import type { CaseComplaintView, ComplaintMarkResponse } from '../../contract/complaint-types.ts';
import type { Db } from '../../db/open-database.ts';
import { cases } from '../../db/schema.ts';
import { KeptError } from '../../errors/kept-error.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { NewEvent } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import type { ComplaintKind, ComplaintSource } from '../../kernel/domain-words.ts';
import { lockCase } from '../cases/lock-case.ts';
import { insideTransaction } from '../cases/write-intake.ts';
import { decideComplaint, type ComplaintOutcome, type ComplaintRequest } from './complaint-rules.ts';

// K12: the one way a case becomes, changes or stops being a complaint. Agents (the case screen),
// the customer's words (intake), a customer's request for a supervisor (openEscalation) and a
// survey scored 1–2 (the surveys feature) all call markComplaint; each change is an event.

/** A reason is a sentence, not an essay: the rest of a long one is not kept. */
export const COMPLAINT_REASON_CHARS = 500;

type CaseRow = typeof cases.$inferSelect;

export interface MarkComplaintInput {
  workspaceId: string;
  caseId: string;
  source: ComplaintSource;
  /** The agent's choice; the desk's own marks are `unspecified` until a person says what it is about. */
  kind?: ComplaintKind;
  /** Why: the agent's words, the phrase recognised, the survey's score. Required from an agent. */
  reason: string;
  actorUserId: string | null;
}

export interface UnmarkComplaintInput {
  workspaceId: string;
  caseId: string;
  reason: string;
  actorUserId: string;
}

export function presentComplaint(row: CaseRow): CaseComplaintView {
  return {
    caseId: row.id,
    isComplaint: row.isComplaint,
    kind: row.complaintKind,
    source: row.complaintSource,
    reason: row.complaintReason,
    markedAt: row.complaintMarkedAt?.toISOString() ?? null,
    unmarkedAt: row.complaintUnmarkedAt?.toISOString() ?? null,
  };
}

function cleanReason(reason: string, required: boolean): string {
  const text = reason.trim().replace(/\s+/g, ' ').slice(0, COMPLAINT_REASON_CHARS);
  if (required && text === '') throw new KeptError('request.invalid', 'Say why', { field: 'reason' });
  return text;
}

/** Runs `work` in the caller's transaction when there is one (intake, an escalation), else in one of its own. */
function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return insideTransaction(db) ? work(db) : db.transaction((tx) => work(tx as unknown as Db));
}

/** Makes the case a complaint (or changes its kind, for an agent); a no-op when the table says so (complaint-rules.ts). */
export function markComplaint(ctx: Pick<DeskContext, 'db' | 'now'>, input: MarkComplaintInput) {
  const kind = input.kind ?? 'unspecified';
  const reason = cleanReason(input.reason, input.source === 'agent');
  return change(
    ctx,
    input.workspaceId,
    input.caseId,
    { action: 'mark', kind, source: input.source },
    reason,
    input.actorUserId,
  );
}

/** A person says the case is not a complaint after all (409 complaint.not_marked when it is not one). */
export function unmarkComplaint(ctx: Pick<DeskContext, 'db' | 'now'>, input: UnmarkComplaintInput) {
  const reason = cleanReason(input.reason, true);
  return change(ctx, input.workspaceId, input.caseId, { action: 'unmark' }, reason, input.actorUserId);
}

/** What a change writes, decided on the locked case row: the case's new columns and the event (none if unchanged). */
export interface ComplaintChangePlan {
  outcome: Exclude<ComplaintOutcome, 'not_marked'>;
  set: Partial<CaseRow> | null;
  event: NewEvent | null;
}

function planChange(
  row: CaseRow,
  request: ComplaintRequest,
  reason: string,
  actorUserId: string | null,
  now: Date,
): ComplaintChangePlan {
  const outcome = decideComplaint(
    {
      isComplaint: row.isComplaint,
      kind: row.complaintKind,
      source: row.complaintSource,
      unmarkedAt: row.complaintUnmarkedAt,
    },
    request,
  );
  if (outcome === 'not_marked') {
    throw new KeptError('complaint.not_marked', 'The case is not a complaint');
  }
  if (outcome === 'unchanged') return { outcome, set: null, event: null };
  const base = {
    workspaceId: row.workspaceId,
    caseId: row.id,
    customerId: row.customerId,
    actorUserId,
    occurredAt: now,
  };
  if (request.action === 'unmark')
    return {
      outcome,
      set: { isComplaint: false, complaintUnmarkedAt: now, updatedAt: now },
      event: {
        ...base,
        type: 'complaint.unmarked',
        data: { kind: row.complaintKind ?? 'unspecified', source: row.complaintSource ?? 'agent', reason },
      },
    };
  if (outcome === 'changed')
    return {
      outcome,
      set: { complaintKind: request.kind, complaintReason: reason, updatedAt: now },
      event: {
        ...base,
        type: 'complaint.changed',
        data: { fromKind: row.complaintKind ?? 'unspecified', toKind: request.kind, reason },
      },
    };
  return {
    outcome,
    set: {
      isComplaint: true,
      complaintKind: request.kind,
      complaintSource: request.source,
      complaintReason: reason,
      complaintMarkedAt: now,
      complaintUnmarkedAt: null,
      updatedAt: now,
    },
    event: { ...base, type: 'complaint.marked', data: { kind: request.kind, source: request.source, reason } },
  };
}

/**
 * markComplaint's decision without its writes, for a caller that has locked the case itself and writes
 * the change with its own rows in one statement (a survey's answer, src/surveys/answer-survey.ts).
 */
export function planComplaintMark(row: CaseRow, input: Omit<MarkComplaintInput, 'workspaceId' | 'caseId'>, now: Date) {
  const request = { action: 'mark', kind: input.kind ?? 'unspecified', source: input.source } as const;
  return planChange(row, request, cleanReason(input.reason, input.source === 'agent'), input.actorUserId, now);
}

function change(
  ctx: Pick<DeskContext, 'db' | 'now'>,
  workspaceId: string,
  caseId: string,
  request: ComplaintRequest,
  reason: string,
  actorUserId: string | null,
): Promise<ComplaintMarkResponse> {
  return inTransaction(ctx.db, async (tx) => {
    const row = await lockCase(tx, workspaceId, caseId);
    const plan = planChange(row, request, reason, actorUserId, ctx.now());
    if (!plan.set || !plan.event) return { complaint: presentComplaint(row), outcome: plan.outcome };
    await appendEvents(tx, [plan.event]);
    const [after] = await tx.update(cases).set(plan.set).where(eq(cases.id, row.id)).returning();
    return { complaint: presentComplaint(after!), outcome: plan.outcome };
  });
}
