import { afterEach, describe, expect, it, vi } from 'vitest';
import { announceChange } from '../../kernel/change-notice.ts';
import { countAssignment, forgetStaffLoads, freshStaffLoads, rememberStaffLoads } from './staff-loads.ts';

const agent = (id: string, openCases: number) => ({
  id,
  role: 'agent' as const,
  languages: ['en'],
  capacity: 20,
  openCases,
  active: true,
});

describe('staff loads kept between intakes', () => {
  afterEach(() => vi.useRealTimers());

  it('counts a case assigned by this process at once, and goes stale after a second', () => {
    vi.useFakeTimers({ now: new Date('2026-11-23T09:00:00Z') });
    rememberStaffLoads('ws-1', [agent('a', 3), agent('b', 4)]);
    countAssignment('ws-1', 'a');
    expect(freshStaffLoads('ws-1')?.map((s) => s.openCases)).toEqual([4, 4]);
    vi.advanceTimersByTime(1_001);
    expect(freshStaffLoads('ws-1')).toBeNull();
  });

  it('forgets a workspace whose staff changed, and never mixes workspaces', () => {
    rememberStaffLoads('ws-2', [agent('a', 1)]);
    rememberStaffLoads('ws-3', [agent('c', 9)]);
    forgetStaffLoads('ws-2');
    expect(freshStaffLoads('ws-2')).toBeNull();
    expect(freshStaffLoads('ws-3')?.[0]?.openCases).toBe(9);
  });

  it('forgets a workspace whose staff change is announced, by whichever operation made it', () => {
    rememberStaffLoads('ws-5', [agent('a', 1)]);
    rememberStaffLoads('ws-6', [agent('c', 2)]);
    announceChange({ kind: 'staff', workspaceId: 'ws-5', userId: 'a', teamChanged: false });
    announceChange({ kind: 'settings', workspaceId: 'ws-6' });
    expect(freshStaffLoads('ws-5')).toBeNull();
    expect(freshStaffLoads('ws-6')?.[0]?.openCases).toBe(2);
  });

  it('keeps its own copy: the caller’s array is not changed by later assignments', () => {
    const staff = [agent('a', 0)];
    rememberStaffLoads('ws-4', staff);
    countAssignment('ws-4', 'a');
    expect(staff[0]!.openCases).toBe(0);
  });
});
