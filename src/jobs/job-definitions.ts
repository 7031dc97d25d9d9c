import type { AnyJobDefinition } from '../kernel/job-definition.ts';
import { ESCALATION_JOB_DEFINITIONS, HELL_JOB_DEFINITIONS, PROMISE_JOB_DEFINITIONS } from '../desk/index.ts';
import { IMPORT_JOB_DEFINITIONS, RETENTION_JOB_DEFINITIONS } from '../retention/index.ts';
import { EMAIL_JOB_DEFINITIONS } from '../email/index.ts';
import { SURVEY_JOB_DEFINITIONS } from '../surveys/index.ts';

export type { JobDefinition } from '../kernel/job-definition.ts';

// Assembly only: each feature defines its jobs (…-jobs.ts). Every handler re-reads its row under
// a lock and does nothing if the work is already done: pg-boss delivers at least once, these
// make the effect happen exactly once.
export const JOB_DEFINITIONS: readonly AnyJobDefinition[] = [
  ...PROMISE_JOB_DEFINITIONS,
  ...ESCALATION_JOB_DEFINITIONS,
  ...HELL_JOB_DEFINITIONS,
  ...RETENTION_JOB_DEFINITIONS,
  ...IMPORT_JOB_DEFINITIONS,
  ...EMAIL_JOB_DEFINITIONS,
  ...SURVEY_JOB_DEFINITIONS,
];
