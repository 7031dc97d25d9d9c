import { defineJob } from '../../kernel/job-definition.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { escalateMissedDeadline } from './escalate-missed-deadline.ts';

// Re-reads the escalation under a lock: a deadline already answered or raised does nothing.
export const ESCALATION_JOB_DEFINITIONS = [defineJob(TIMER.escalationDeadline, escalateMissedDeadline)];
