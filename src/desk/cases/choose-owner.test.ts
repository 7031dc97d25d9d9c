import { describe, expect, it } from 'vitest';
import { KeptError } from '../../errors/kept-error.ts';
import { type OwnerCandidate, assertHandoff, chooseOwner } from './choose-owner.ts';

const user = (id: string, overrides: Partial<OwnerCandidate> = {}): OwnerCandidate => ({
  id,
  role: 'agent',
  languages: ['en'],
  capacity: 10,
  openCases: 0,
  active: true,
  ...overrides,
});

describe('chooseOwner', () => {
  it('picks an agent who speaks the language and has room', () => {
    const staff = [
      user('a-en'),
      user('a-ar', { languages: ['ar', 'en'] }),
      user('s', { role: 'supervisor', languages: ['ar'] }),
    ];
    expect(chooseOwner(staff, 'ar')).toEqual({ userId: 'a-ar', reason: 'intake' });
  });

  it('compares language tags by their primary subtag, case-insensitively', () => {
    expect(chooseOwner([user('a', { languages: ['he-IL'] })], 'HE')).toEqual({ userId: 'a', reason: 'intake' });
    expect(chooseOwner([user('a', { languages: ['he'] })], 'he-IL')).toEqual({ userId: 'a', reason: 'intake' });
  });

  it('picks the least loaded relative to capacity, not by raw count', () => {
    const staff = [user('a', { openCases: 4, capacity: 5 }), user('b', { openCases: 6, capacity: 20 })];
    expect(chooseOwner(staff, 'en')?.userId).toBe('b');
  });

  it('breaks ties by open cases, then by id, whatever the input order', () => {
    const tie = [
      user('c', { openCases: 2, capacity: 4 }),
      user('b', { openCases: 1, capacity: 2 }),
      user('a', { openCases: 1, capacity: 2 }),
    ];
    expect(chooseOwner(tie, 'en')?.userId).toBe('a');
    expect(chooseOwner([...tie].reverse(), 'en')?.userId).toBe('a');
  });

  it('skips full, inactive and zero-capacity agents', () => {
    const staff = [
      user('full', { openCases: 10, capacity: 10 }),
      user('over', { openCases: 12, capacity: 10 }),
      user('gone', { active: false }),
      user('zero', { capacity: 0 }),
      user('ok', { openCases: 9, capacity: 10 }),
    ];
    expect(chooseOwner(staff, 'en')).toEqual({ userId: 'ok', reason: 'intake' });
  });

  it('takes any agent with room when the language is unknown', () => {
    const staff = [user('ru', { languages: ['ru'], openCases: 1 }), user('he', { languages: ['he'], openCases: 3 })];
    expect(chooseOwner(staff, null)).toEqual({ userId: 'ru', reason: 'intake' });
  });

  it('does not give the case to an agent who does not speak a known language', () => {
    const staff = [user('a-en'), user('s', { role: 'supervisor', languages: ['en'], openCases: 30, capacity: 5 })];
    expect(chooseOwner(staff, 'ru')).toEqual({ userId: 's', reason: 'fallback_supervisor' });
  });

  it('falls back to a supervisor, even over capacity, preferring one who speaks the language', () => {
    const staff = [
      user('a', { languages: ['ar'], openCases: 5, capacity: 5 }),
      user('s1', { role: 'supervisor', languages: ['en'], openCases: 0, capacity: 5 }),
      user('s2', { role: 'supervisor', languages: ['ar'], openCases: 9, capacity: 5 }),
    ];
    expect(chooseOwner(staff, 'ar')).toEqual({ userId: 's2', reason: 'fallback_supervisor' });
  });

  it('among supervisors picks the least loaded, and handles zero capacity', () => {
    const staff = [
      user('s-zero', { role: 'supervisor', capacity: 0, openCases: 0 }),
      user('s-busy', { role: 'supervisor', capacity: 5, openCases: 20 }),
      user('s-calm', { role: 'supervisor', capacity: 5, openCases: 6 }),
    ];
    expect(chooseOwner(staff, 'ar')?.userId).toBe('s-calm');
    expect(
      chooseOwner(
        [
          user('z2', { role: 'supervisor', capacity: 0, openCases: 3 }),
          user('z1', { role: 'supervisor', capacity: 0, openCases: 1 }),
        ],
        null,
      )?.userId,
    ).toBe('z1');
  });

  it('falls back to an admin when no agent or supervisor can take it', () => {
    const staff = [
      user('a', { active: false }),
      user('s', { role: 'supervisor', active: false }),
      user('adm', { role: 'admin', languages: [] }),
    ];
    expect(chooseOwner(staff, 'en')).toEqual({ userId: 'adm', reason: 'fallback_supervisor' });
  });

  it('prefers a supervisor over an admin', () => {
    const staff = [user('adm', { role: 'admin', openCases: 0 }), user('s', { role: 'supervisor', openCases: 50 })];
    expect(chooseOwner(staff, 'he')?.userId).toBe('s');
  });

  it('returns null only when there is no active staff', () => {
    expect(chooseOwner([], 'en')).toBeNull();
    expect(
      chooseOwner([user('a', { active: false }), user('s', { role: 'supervisor', active: false })], 'en'),
    ).toBeNull();
  });
});

describe('assertHandoff', () => {
  const valid = { fromUserId: 'u1', toUserId: 'u2', reason: 'Needs a billing specialist', toUserActive: true };

  const codeAndField = (input: Parameters<typeof assertHandoff>[0]) => {
    try {
      assertHandoff(input);
    } catch (e) {
      expect(e).toBeInstanceOf(KeptError);
      const err = e as KeptError;
      return { code: err.code, status: err.status, field: err.location.field };
    }
    return null;
  };

  it('accepts a valid handoff, including from an unowned case', () => {
    expect(codeAndField(valid)).toBeNull();
    expect(codeAndField({ ...valid, fromUserId: null })).toBeNull();
    expect(codeAndField({ ...valid, reason: 'نقل للفوترة' })).toBeNull();
  });

  it.each([
    ['empty', ''],
    ['blank', '   \n\t'],
    ['too short', 'vip'],
    ['too short after trimming', '  abc   '],
  ])('refuses a %s reason', (_label, reason) => {
    expect(codeAndField({ ...valid, reason })).toEqual({ code: 'case.handoff_invalid', status: 422, field: 'reason' });
  });

  it('refuses handing a case to the person who already owns it', () => {
    expect(codeAndField({ ...valid, toUserId: 'u1' })).toEqual({
      code: 'case.handoff_invalid',
      status: 422,
      field: 'toUserId',
    });
  });

  it('refuses an inactive or missing receiver', () => {
    expect(codeAndField({ ...valid, toUserActive: false })).toEqual({
      code: 'case.handoff_invalid',
      status: 422,
      field: 'toUserId',
    });
    expect(codeAndField({ ...valid, toUserId: ' ' })).toEqual({
      code: 'case.handoff_invalid',
      status: 422,
      field: 'toUserId',
    });
  });
});
