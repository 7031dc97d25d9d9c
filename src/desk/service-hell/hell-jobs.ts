import { defineJob } from '../../kernel/job-definition.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { assessCaseHell } from './assess-case-hell.ts';

// The keyed queue (at most one waiting per case) and the old unkeyed one, still drained.
export const HELL_JOB_DEFINITIONS = [
  defineJob(TIMER.caseAssessHell, assessCaseHell, { policy: 'short' }),
  defineJob(TIMER.caseAssessHellUnkeyed, assessCaseHell),
];
