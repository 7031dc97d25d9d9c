import { z } from 'zod';
import { EMAIL_JOB, IMPORT_JOB, SURVEY_JOB, TIMER } from './job-names.ts';

const ids = { workspaceId: z.uuid() };

// Each job's payload, written once: the compiler checks a scheduled timer against it
// (TimerRequest in desk-context.ts), and the worker parses what pg-boss hands back with it.
export const JOB_PAYLOADS = {
  [TIMER.promiseReminder]: z.object({ ...ids, promiseId: z.uuid() }),
  /** dueAt: for a person reading the queue; the handler reads the promise row. */
  [TIMER.promiseDue]: z.object({ ...ids, promiseId: z.uuid(), dueAt: z.string().optional() }),
  [TIMER.escalationDeadline]: z.object({ ...ids, escalationId: z.uuid(), level: z.number().int().min(1) }),
  [TIMER.caseAssessHell]: z.object({ ...ids, caseId: z.uuid() }),
  [TIMER.caseAssessHellUnkeyed]: z.object({ ...ids, caseId: z.uuid() }),
  [TIMER.retentionRefreshScores]: z.object(ids),
  /** Due outbox rows of one workspace, or of all when the payload has none. */
  [EMAIL_JOB.outboxSend]: z.object({ workspaceId: z.uuid().optional() }),
  /** One mailbox, or all that are due. */
  [EMAIL_JOB.imapPoll]: z.object({ mailboxId: z.uuid().optional() }),
  [SURVEY_JOB.planAfterResolution]: z.object({ ...ids, caseId: z.uuid() }),
  [SURVEY_JOB.send]: z.object({ ...ids, surveyId: z.uuid() }),
  [IMPORT_JOB.run]: z.object({ ...ids, importId: z.uuid() }),
} as const;

export type JobName = keyof typeof JOB_PAYLOADS;
export type JobPayload<N extends JobName> = z.infer<(typeof JOB_PAYLOADS)[N]>;
