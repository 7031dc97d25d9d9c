import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { TimerRequest } from './desk-context.ts';
import { EMAIL_JOB, TIMER } from './job-names.ts';
import { JOB_PAYLOADS } from './job-payloads.ts';

const WS = '00000000-0000-4000-8000-000000000001';
const ID = '00000000-0000-4000-8000-000000000002';
const at = new Date('2026-12-01T09:00:00Z');
const parses = (timer: TimerRequest) => (JOB_PAYLOADS[timer.name] as z.ZodType).safeParse(timer.payload).success;

// The type checks are the point: `tsc` (npm test's type step) fails on an @ts-expect-error that
// expects nothing, so each line below proves the compiler refuses that payload for that job.
describe('a timer request', () => {
  it('carries the payload its job expects, checked by the compiler', () => {
    const due: TimerRequest = { name: TIMER.promiseDue, payload: { workspaceId: WS, promiseId: ID }, startAfter: at };
    // @ts-expect-error a promise timer without its promise
    const missing: TimerRequest = { name: TIMER.promiseDue, payload: { workspaceId: WS }, startAfter: at };
    const crossed: TimerRequest = {
      name: TIMER.promiseReminder,
      // @ts-expect-error an escalation's payload on a promise's job
      payload: { workspaceId: WS, escalationId: ID, level: 1 },
      startAfter: at,
    };
    // @ts-expect-error a job nobody handles
    const unknown: TimerRequest = { name: 'promise-overdue', payload: { workspaceId: WS }, startAfter: at };
    expect(parses(due)).toBe(true);
    expect(parses(missing)).toBe(false);
    expect(parses(crossed)).toBe(false);
    expect(unknown.name in JOB_PAYLOADS).toBe(false);
  });

  it('has a payload schema for every job name', () => {
    for (const name of [...Object.values(TIMER), ...Object.values(EMAIL_JOB)])
      expect(Object.keys(JOB_PAYLOADS)).toContain(name);
  });
});
