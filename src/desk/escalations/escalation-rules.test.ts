import { describe, expect, it } from 'vitest';
import { KeptError } from '../../errors/kept-error.ts';
import {
  assertCanCloseEscalation,
  assertIsSupervisor,
  deadlineAfterBreach,
  escalationDeadline,
} from './escalation-rules.ts';

const opened = new Date('2026-03-02T10:00:00.000Z');
const plus = (minutes: number) => new Date(opened.getTime() + minutes * 60_000);

function errorOf(fn: () => void): { code: string; status: number; field: string | undefined } | null {
  try {
    fn();
    return null;
  } catch (e) {
    if (!(e instanceof KeptError)) throw e;
    return { code: e.code, status: e.status, field: e.location.field };
  }
}

describe('assertCanCloseEscalation', () => {
  it('refuses to close before a supervisor has answered', () => {
    expect(errorOf(() => assertCanCloseEscalation({ status: 'open', answeredAt: null }))).toEqual({
      code: 'escalation.not_answered',
      status: 409,
      field: 'answeredAt',
    });
    expect(errorOf(() => assertCanCloseEscalation({ status: 'answered', answeredAt: null }))?.code).toBe(
      'escalation.not_answered',
    );
  });

  it('allows closing once answered', () => {
    expect(errorOf(() => assertCanCloseEscalation({ status: 'answered', answeredAt: plus(20) }))).toBeNull();
    expect(errorOf(() => assertCanCloseEscalation({ status: 'open', answeredAt: plus(20) }))).toBeNull();
  });

  it('refuses to close twice', () => {
    expect(errorOf(() => assertCanCloseEscalation({ status: 'closed', answeredAt: plus(20) }))).toEqual({
      code: 'escalation.not_open',
      status: 409,
      field: 'status',
    });
  });
});

describe('assertIsSupervisor', () => {
  it('lets supervisors and admins through and stops agents', () => {
    expect(errorOf(() => assertIsSupervisor('supervisor'))).toBeNull();
    expect(errorOf(() => assertIsSupervisor('admin'))).toBeNull();
    expect(errorOf(() => assertIsSupervisor('agent'))).toEqual({
      code: 'escalation.supervisor_only',
      status: 403,
      field: 'role',
    });
  });
});

describe('escalationDeadline', () => {
  it('gives level 1 the configured time and halves it per level down to 30 minutes', () => {
    expect(escalationDeadline(opened, 240, 1)).toEqual(plus(240));
    expect(escalationDeadline(opened, 240, 2)).toEqual(plus(120));
    expect(escalationDeadline(opened, 240, 3)).toEqual(plus(60));
    expect(escalationDeadline(opened, 240, 4)).toEqual(plus(30));
    expect(escalationDeadline(opened, 240, 5)).toEqual(plus(30));
    expect(escalationDeadline(opened, 240, 50)).toEqual(plus(30));
  });

  it('never gives a higher level more time than a short configured deadline', () => {
    expect(escalationDeadline(opened, 20, 1)).toEqual(plus(20));
    expect(escalationDeadline(opened, 20, 2)).toEqual(plus(20));
    expect(escalationDeadline(opened, 45, 2)).toEqual(plus(30));
  });

  it('refuses nonsense levels and deadlines', () => {
    expect(() => escalationDeadline(opened, 60, 0)).toThrow(RangeError);
    expect(() => escalationDeadline(opened, 60, 1.5)).toThrow(RangeError);
    expect(() => escalationDeadline(opened, 0, 1)).toThrow(RangeError);
  });
});

describe('deadlineAfterBreach', () => {
  it('pulls the deadline in to what a new escalation opened by the breach would get', () => {
    expect(deadlineAfterBreach(plus(24 * 60), plus(60), 240)).toEqual(plus(300));
  });

  it('never moves a sooner deadline later, nor one already missed', () => {
    expect(deadlineAfterBreach(plus(240), plus(60), 240)).toEqual(plus(240));
    expect(deadlineAfterBreach(plus(-30), plus(60), 240)).toEqual(plus(-30));
  });
});
