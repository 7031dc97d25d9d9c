import { describe, expect, it } from 'vitest';
import { announceChange, onChange, type Change } from './change-notice.ts';

describe('change notices', () => {
  it('reach every subscriber until it unsubscribes', () => {
    const seen: Change[] = [];
    const stop = onChange((c) => seen.push(c));
    announceChange({ kind: 'settings', workspaceId: 'w1' });
    stop();
    announceChange({ kind: 'settings', workspaceId: 'w2' });
    expect(seen).toEqual([{ kind: 'settings', workspaceId: 'w1' }]);
  });
});
