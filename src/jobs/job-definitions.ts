import { z } from 'zod';
import { escalateMissedDeadline } from '../desk/escalations/resolve-escalation.ts';
import { breakOverduePromise, remindPromiseOwner } from '../desk/promises/resolve-promise.ts';
import { assessCaseHell } from '../desk/service-hell/assess-case-hell.ts';
import { refreshScores } from '../retention/refresh-scores.ts';
import type { DeskContext } from '../kernel/desk-context.ts';
import { TIMER } from '../kernel/job-names.ts';
import { EMAIL_JOB_DEFINITIONS } from '../email/outbound/email-jobs.ts';

/** A job: a stable name, a validated payload, and a handler that is safe to run twice. */
export interface JobDefinition<P> {
  name: string;
  payload: z.ZodType<P>;
  handle(ctx: DeskContext, payload: P): Promise<unknown>;
  /** pg-boss queue policy; "short": at most one job waiting per singletonKey. */
  policy?: 'short';
}

function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

const ids = { workspaceId: z.uuid() };

// Every handler re-reads the row under a lock and does nothing if the work is already done:
// pg-boss delivers at least once, these make the effect happen exactly once.
export const JOB_DEFINITIONS = [
  defineJob({ name: TIMER.promiseReminder, payload: z.object({ ...ids, promiseId: z.uuid() }), handle: remindPromiseOwner }),
  defineJob({ name: TIMER.promiseDue, payload: z.object({ ...ids, promiseId: z.uuid() }), handle: breakOverduePromise }),
  defineJob({
    name: TIMER.escalationDeadline,
    payload: z.object({ ...ids, escalationId: z.uuid(), level: z.number().int().min(1) }),
    handle: escalateMissedDeadline,
  }),
  defineJob({ name: TIMER.caseAssessHell, payload: z.object({ ...ids, caseId: z.uuid() }), handle: assessCaseHell, policy: 'short' }),
  defineJob({ name: TIMER.caseAssessHellUnkeyed, payload: z.object({ ...ids, caseId: z.uuid() }), handle: assessCaseHell }),
  // Recomputes every score from scratch, so running it twice only costs time.
  defineJob({ name: TIMER.retentionRefreshScores, payload: z.object(ids), handle: (ctx, p) => refreshScores(ctx.db, p.workspaceId, ctx.now()) }),
  ...EMAIL_JOB_DEFINITIONS,
] as const;
