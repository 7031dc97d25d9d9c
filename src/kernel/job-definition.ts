import type { DeskContext } from './desk-context.ts';
import { JOB_PAYLOADS, type JobName, type JobPayload } from './job-payloads.ts';

/** A job: a stable name, its payload's schema, and a handler that is safe to run twice. */
export interface JobDefinition<N extends JobName = JobName> {
  name: N;
  payload: (typeof JOB_PAYLOADS)[N];
  handle(ctx: DeskContext, payload: JobPayload<N>): Promise<unknown>;
  /** pg-boss queue policy; "short": at most one job waiting per singletonKey. */
  policy?: 'short';
}

/** Any one job's definition, its handler still matched to its own payload. */
export type AnyJobDefinition = { [N in JobName]: JobDefinition<N> }[JobName];

// Each feature exports its own definitions (…-jobs.ts); src/jobs/job-definitions.ts assembles them.
export function defineJob<N extends JobName>(
  name: N,
  handle: (ctx: DeskContext, payload: JobPayload<N>) => Promise<unknown>,
  options: { policy?: 'short' } = {},
): JobDefinition<N> {
  return { name, payload: JOB_PAYLOADS[name], handle, ...options };
}
