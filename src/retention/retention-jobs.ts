import { defineJob } from '../kernel/job-definition.ts';
import { TIMER } from '../kernel/job-names.ts';
import { refreshScores } from './refresh-scores.ts';

// Recomputes every score from scratch, so running it twice only costs time.
export const RETENTION_JOB_DEFINITIONS = [
  defineJob(TIMER.retentionRefreshScores, (ctx, p) => refreshScores(ctx.db, p.workspaceId, ctx.now())),
];
