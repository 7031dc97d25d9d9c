import { describe, expect, it } from 'vitest';
import {
  chooseRungPerson,
  escalationLadder,
  type LadderPerson,
  nextTopReminder,
  planMissedDeadline,
  rungOf,
  topLevel,
} from './escalation-ladder.ts';

const ada: LadderPerson = { id: 'ada', role: 'admin' };
const amir: LadderPerson = { id: 'amir', role: 'admin' };
const sam: LadderPerson = { id: 'sam', role: 'supervisor' };
const tom: LadderPerson = { id: 'tom', role: 'agent' };
const full = escalationLadder([tom, sam, ada]);

const at = new Date('2026-07-06T09:00:00.000Z');
const plus = (minutes: number) => new Date(at.getTime() + minutes * 60_000);

describe('escalationLadder', () => {
  it('climbs from the supervisors to the admins, never down to the agents', () => {
    expect(full).toEqual(['supervisor', 'admin']);
    expect(topLevel(full)).toBe(2);
  });

  it('leaves out a rung nobody is on', () => {
    const adminsOnly = escalationLadder([tom, ada]);
    expect(adminsOnly).toEqual(['admin']);
    expect(topLevel(adminsOnly)).toBe(1);
    expect(escalationLadder([sam, tom])).toEqual(['supervisor']);
  });

  it('still has a level 1 when nobody is above the agents', () => {
    expect(escalationLadder([tom])).toEqual([]);
    expect(topLevel([])).toBe(1);
    expect(rungOf(1, [])).toBeNull();
  });
});

describe('planMissedDeadline', () => {
  it('goes one level up below the top', () => {
    expect(planMissedDeadline(1, full)).toEqual({ level: 2, atTop: false });
  });

  it('stays at the top, however many deadlines are missed there', () => {
    expect(planMissedDeadline(2, full)).toEqual({ level: 2, atTop: true });
    expect(planMissedDeadline(1, ['admin'])).toEqual({ level: 1, atTop: true });
    expect(planMissedDeadline(1, [])).toEqual({ level: 1, atTop: true });
  });

  it("brings a level above today's top (written before the ceiling, or people left) back to it", () => {
    expect(planMissedDeadline(9, full)).toEqual({ level: 2, atTop: true });
    expect(rungOf(9, full)).toBe('admin');
  });

  it('never climbs past the top in many misses', () => {
    let level = 1;
    for (let miss = 0; miss < 50; miss++) level = planMissedDeadline(level, full).level;
    expect(level).toBe(topLevel(full));
  });
});

describe('chooseRungPerson', () => {
  it('gives level 1 to a supervisor and level 2 to an admin', () => {
    expect(chooseRungPerson([tom, sam, ada], 1, full, null)).toBe('sam');
    expect(chooseRungPerson([tom, sam, ada], 2, full, 'sam')).toBe('ada');
  });

  it('keeps the task with its person at the same rung, so a reminder does not reassign it', () => {
    expect(chooseRungPerson([ada, amir], 2, full, 'amir')).toBe('amir');
    expect(chooseRungPerson([ada, amir], 2, full, null)).toBe('ada');
  });

  it('finds nobody on an empty ladder', () => {
    expect(chooseRungPerson([tom], 1, [], null)).toBeNull();
  });
});

describe('nextTopReminder', () => {
  it('reminds an hour later at first, even with a one-minute deadline', () => {
    expect(nextTopReminder(at, at, 1)).toEqual(plus(60));
  });

  it('widens the gap with the time overdue at the top, up to a day', () => {
    expect(nextTopReminder(plus(60), at, 1)).toEqual(plus(120));
    expect(nextTopReminder(plus(120), at, 1)).toEqual(plus(240));
    expect(nextTopReminder(plus(10 * 24 * 60), at, 1)).toEqual(plus(11 * 24 * 60));
  });

  it("never reminds more often than the workspace's deadline", () => {
    expect(nextTopReminder(at, at, 240)).toEqual(plus(240));
    expect(nextTopReminder(at, at, 7 * 24 * 60)).toEqual(plus(24 * 60));
  });
});
