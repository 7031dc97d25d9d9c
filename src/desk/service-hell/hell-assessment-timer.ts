import type { TimerRequest } from '../../kernel/desk-context.ts';
import { TIMER } from '../../kernel/job-names.ts';

/**
 * The hell assessment of a case after a change to it. Keyed by the case on a queue that keeps
 * at most one job waiting per key, so a burst of messages queues one assessment, not one each.
 * None of the burst is missed: a change that finds a job still waiting was written with the
 * case row locked, and the job locks that row before reading the facts (assess-case-hell.ts),
 * so it reads after the change is committed; a change that finds none queues its own.
 */
export function hellAssessmentTimer(workspaceId: string, caseId: string, at: Date): TimerRequest {
  return { name: TIMER.caseAssessHell, payload: { workspaceId, caseId }, startAfter: at, singletonKey: caseId };
}
