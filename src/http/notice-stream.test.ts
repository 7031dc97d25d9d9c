import { describe, expect, it } from 'vitest';
import { noticeFor } from './notice-stream.ts';

const W = '11111111-1111-4111-8111-111111111111';
const OTHER = '99999999-9999-4999-8999-999999999999';
const C = '22222222-2222-4222-8222-222222222222';

describe('noticeFor', () => {
  it('passes a workspace only its own changes, as what changed and never the data', () => {
    expect(noticeFor({ kind: 'desk', workspaceId: W, caseId: C, what: 'case.assigned' }, W)).toEqual({
      kind: 'desk',
      caseId: C,
      what: 'case.assigned',
    });
    expect(noticeFor({ kind: 'desk', workspaceId: OTHER, caseId: C, what: 'case.assigned' }, W)).toBeNull();
    expect(noticeFor({ kind: 'presence', workspaceId: W, caseId: C }, W)).toEqual({
      kind: 'presence',
      caseId: C,
      what: null,
    });
    expect(noticeFor({ kind: 'presence', workspaceId: OTHER, caseId: C }, W)).toBeNull();
    expect(noticeFor({ kind: 'resync' }, W)).toEqual({ kind: 'resync', caseId: null, what: null });
    expect(noticeFor({ kind: 'settings', workspaceId: W }, W)).toBeNull();
  });
});
