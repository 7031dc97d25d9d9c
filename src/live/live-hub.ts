// One per instance: links the store's notifications to this process's change notice
// (src/kernel/change-notice.ts), keeps the presence board, and says who is on a case.
import { announceChange } from '../kernel/change-notice.ts';
import type { PresenceActivity } from '../kernel/domain-words.ts';
import type { Store } from '../db/open-database.ts';
import {
  ACCESS_CHANNEL,
  DESK_CHANNEL,
  PRESENCE_CHANNEL,
  encodePresenceSignal,
  parseAccessSignal,
  parseDeskSignals,
  parsePresenceSignal,
  type PresenceSignal,
} from './live-signals.ts';
import { PresenceBoard, type PresenceEntry } from './presence-board.ts';
import { linkStoreNotices, type StoreNoticeLink } from './store-notices.ts';

const SWEEP_MS = 5_000;

export interface LiveHub {
  /** Records this person's heartbeat or leave on a case, here at once and on every instance through the store. */
  notePresence(signal: Omit<PresenceSignal, 'at'>): Promise<void>;
  people(workspaceId: string, caseId: string): PresenceEntry[];
  close(): Promise<void>;
}

export async function startLiveHub(store: Store, clock: () => number = Date.now): Promise<LiveHub> {
  const board = new PresenceBoard();
  const applyPresence = (signal: PresenceSignal) => {
    if (board.apply(signal, clock())) {
      announceChange({ kind: 'presence', workspaceId: signal.workspaceId, caseId: signal.caseId });
    }
  };
  const link: StoreNoticeLink = await linkStoreNotices(store, [DESK_CHANNEL, PRESENCE_CHANNEL, ACCESS_CHANNEL], {
    onNotice(channel, payload) {
      if (channel === DESK_CHANNEL) {
        for (const change of parseDeskSignals(payload)) announceChange(change);
      } else if (channel === PRESENCE_CHANNEL) {
        const signal = parsePresenceSignal(payload);
        if (signal) applyPresence(signal);
      } else if (channel === ACCESS_CHANNEL) {
        const change = parseAccessSignal(payload);
        if (change) announceChange(change);
      }
    },
    onResync: () => announceChange({ kind: 'resync' }),
  });
  const sweeper = setInterval(() => {
    for (const c of board.sweep(clock())) announceChange({ kind: 'presence', ...c });
  }, SWEEP_MS);
  sweeper.unref();
  return {
    async notePresence(partial) {
      const signal = { ...partial, at: clock() };
      // Applied here first, so the caller's answer already includes it; its echo changes nothing.
      applyPresence(signal);
      await link.publish(PRESENCE_CHANNEL, encodePresenceSignal(signal));
    },
    people: (workspaceId, caseId) => board.people(workspaceId, caseId, clock()),
    async close() {
      clearInterval(sweeper);
      await link.close();
    },
  };
}

export type { PresenceActivity };
