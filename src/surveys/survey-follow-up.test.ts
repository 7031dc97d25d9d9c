import { describe, expect, it } from 'vitest';
import { officeHours } from '../desk/index.ts';
import { chooseFollowUpPerson, oneBusinessDayFrom } from './survey-follow-up.ts';

const person = (id: string, role: 'agent' | 'supervisor' | 'admin', teamId: string | null, active = true) => ({
  id,
  role,
  teamId,
  active,
});

describe('chooseFollowUpPerson', () => {
  const people = [
    person('a-agent', 'agent', 't1'),
    person('b-sup-other', 'supervisor', 't2'),
    person('c-sup-same', 'supervisor', 't1'),
    person('d-admin', 'admin', 't1'),
    person('e-sup-left', 'supervisor', 't1', false),
  ];

  it('is the owner’s supervisor: a supervisor of their team first', () => {
    expect(chooseFollowUpPerson(people[0]!, people)?.id).toBe('c-sup-same');
  });

  it('falls to a supervisor of another team, then to an admin', () => {
    const noTeamSupervisor = people.filter((p) => p.id !== 'c-sup-same');
    expect(chooseFollowUpPerson(people[0]!, noTeamSupervisor)?.id).toBe('b-sup-other');
    expect(chooseFollowUpPerson(people[0]!, [people[0]!, people[3]!])?.id).toBe('d-admin');
  });

  it('goes above a supervisor who owned the case, and to nobody above the top', () => {
    expect(chooseFollowUpPerson(people[2]!, people)?.id).toBe('d-admin');
    expect(chooseFollowUpPerson(people[3]!, people)).toBeNull();
  });

  it('takes the nearest supervising person when the case has no owner', () => {
    expect(chooseFollowUpPerson(null, people)?.id).toBe('b-sup-other');
  });
});

describe('oneBusinessDayFrom', () => {
  it('is the same time on the next working day (a Friday afternoon → Monday afternoon)', () => {
    const friday = new Date('2026-04-10T15:00:00Z');
    expect(oneBusinessDayFrom(friday, officeHours('UTC')).toISOString()).toBe('2026-04-13T15:00:00.000Z');
  });

  it('is 24 hours without a calendar', () => {
    const at = new Date('2026-04-10T15:00:00Z');
    expect(oneBusinessDayFrom(at, null).toISOString()).toBe('2026-04-11T15:00:00.000Z');
  });
});
