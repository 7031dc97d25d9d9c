// The public face of src/live/ (issue 16, seeing changes live): the store's notifications on every
// instance, presence on cases, and read marks of a person's notifications.
export { notePresence, readCasePresence, type PresenceCaller } from './case-presence.ts';
export { startLiveHub, type LiveHub } from './live-hub.ts';
export { markNoticesSeen } from './notice-reads.ts';
export { PRESENCE_TTL_MS } from './presence-board.ts';
