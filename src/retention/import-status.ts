import { IMPORT_STATUS_TRANSITIONS, IMPORT_STATUSES, type ImportStatus } from '../kernel/domain-words.ts';

/** The statuses an import may move to `to` from (IMPORT_STATUS_TRANSITIONS): the guard of every status update. */
export function movesInto(to: ImportStatus): ImportStatus[] {
  return IMPORT_STATUSES.filter((from) => IMPORT_STATUS_TRANSITIONS[from].includes(to));
}
