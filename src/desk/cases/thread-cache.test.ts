import { describe, expect, it } from 'vitest';
import type { Db } from '../../db/open-database.ts';
import type { ThreadState } from './read-intake-state.ts';
import { cachedThread, cachedThreadCount, forgetThread, rememberThread } from './thread-cache.ts';

const state = (caseId: string, workspaceId = 'ws-1'): ThreadState =>
  ({
    caseRow: { id: caseId, workspaceId },
    version: '100',
    customer: { id: `customer-of-${caseId}` },
    customerVersion: '90',
    openFirstResponse: null,
    firstAcknowledgementId: null,
  }) as unknown as ThreadState;

describe('the intake state kept per case', () => {
  it('answers only for the store and workspace it was written in', () => {
    const db = {} as Db;
    const other = {} as Db;
    rememberThread(db, state('case-1'));
    expect(cachedThread(db, 'ws-1', 'case-1')?.version).toBe('100');
    expect(cachedThread(other, 'ws-1', 'case-1')).toBeNull();
    expect(cachedThread(db, 'ws-2', 'case-1')).toBeNull();
    // A mismatched workspace also drops the entry: nobody asks for a case of another workspace by accident.
    expect(cachedThread(db, 'ws-1', 'case-1')).toBeNull();
  });

  it('is bounded, dropping the least recently used first', () => {
    const db = {} as Db;
    for (let i = 0; i < 10_000; i++) rememberThread(db, state(`case-${i}`));
    expect(cachedThread(db, 'ws-1', 'case-0')).not.toBeNull(); // used: now the most recent
    rememberThread(db, state('case-new'));
    expect(cachedThreadCount(db)).toBe(10_000);
    expect(cachedThread(db, 'ws-1', 'case-1')).toBeNull();
    expect(cachedThread(db, 'ws-1', 'case-0')).not.toBeNull();
  });

  it('forgets an entry, and ages out one left unused', () => {
    const db = {} as Db;
    rememberThread(db, state('case-1'), 0);
    forgetThread(db, 'case-1');
    expect(cachedThread(db, 'ws-1', 'case-1', 1)).toBeNull();
    rememberThread(db, state('case-2'), 0);
    expect(cachedThread(db, 'ws-1', 'case-2', 10 * 60_000 + 1)).toBeNull();
  });
});
