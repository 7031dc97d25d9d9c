import { defineJob } from '../../kernel/job-definition.ts';
import { TIMER } from '../../kernel/job-names.ts';
import { breakOverduePromise, remindPromiseOwner } from './resolve-promise.ts';

// Both re-read the promise under a lock and do nothing once it is resolved (at-least-once delivery).
export const PROMISE_JOB_DEFINITIONS = [
  defineJob(TIMER.promiseReminder, remindPromiseOwner),
  defineJob(TIMER.promiseDue, breakOverduePromise),
];
