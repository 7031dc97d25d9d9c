import { SUPERVISING_ROLES, type Role } from '../../kernel/domain-words.ts';
import { KeptError } from '../../errors/kept-error.ts';

// Ownership rules (K1): intake picks exactly one accountable owner, and a handoff always has
// a reason and a real, active receiver. Pure: the caller loads candidates and load counts.

export interface OwnerCandidate {
  id: string;
  role: Role;
  languages: string[];
  capacity: number;
  openCases: number;
  active: boolean;
}

export interface OwnerChoice {
  userId: string;
  reason: 'intake' | 'fallback_supervisor';
}

/**
 * 1. An active agent who speaks the language and has room (openCases < capacity), the least
 *    loaded relative to capacity; ties go to fewer open cases, then the smaller id, so the
 *    same input always gives the same owner.
 * 2. If the language is unknown, any active agent with room.
 * 3. Otherwise an active supervisor — preferring one who speaks the language — least loaded,
 *    even over capacity: no case waits unowned.
 * 4. Otherwise an active admin, the same way.
 * Returns null only when there is no active staff at all.
 */
export function chooseOwner(candidates: readonly OwnerCandidate[], language: string | null): OwnerChoice | null {
  const active = candidates.filter((c) => c.active);
  const lang = language === null ? null : primaryLanguage(language);
  const agentsWithRoom = active.filter((c) => c.role === 'agent' && c.openCases < c.capacity);
  const agent = leastLoaded(lang === null ? agentsWithRoom : agentsWithRoom.filter((c) => speaks(c, lang)));
  if (agent) return { userId: agent.id, reason: 'intake' };

  for (const role of SUPERVISING_ROLES) {
    const pool = active.filter((c) => c.role === role);
    const speakers = lang === null ? [] : pool.filter((c) => speaks(c, lang));
    const chosen = leastLoaded(speakers) ?? leastLoaded(pool);
    if (chosen) return { userId: chosen.id, reason: 'fallback_supervisor' };
  }
  return null;
}

function primaryLanguage(tag: string): string {
  return tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
}

function speaks(candidate: OwnerCandidate, language: string): boolean {
  return candidate.languages.some((l) => primaryLanguage(l) === language);
}

/** Load relative to capacity; a capacity of 0 or less counts as full (Infinity). */
function load(c: OwnerCandidate): number {
  return c.capacity > 0 ? c.openCases / c.capacity : Number.POSITIVE_INFINITY;
}

function leastLoaded(pool: readonly OwnerCandidate[]): OwnerCandidate | undefined {
  return [...pool].sort(
    (a, b) => compareLoad(load(a), load(b)) || a.openCases - b.openCases || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  )[0];
}

function compareLoad(a: number, b: number): number {
  if (a === b) return 0; // also Infinity === Infinity, where a − b would be NaN
  return a < b ? -1 : 1;
}

/** Shortest reason that says something ("VIP", "n/a" do not explain a handoff). */
export const MIN_HANDOFF_REASON_LENGTH = 5;

export function assertHandoff(input: {
  fromUserId: string | null;
  toUserId: string;
  reason: string;
  toUserActive: boolean;
}): void {
  const reason = input.reason.trim();
  if (reason.length === 0) {
    throw new KeptError('case.handoff_invalid', 'A handoff needs a reason the next person can read', {
      field: 'reason',
    });
  }
  if ([...reason].length < MIN_HANDOFF_REASON_LENGTH) {
    throw new KeptError(
      'case.handoff_invalid',
      `The handoff reason is too short: say in at least ${MIN_HANDOFF_REASON_LENGTH} characters why the case moves`,
      { field: 'reason' },
    );
  }
  if (input.toUserId.trim().length === 0) {
    throw new KeptError('case.handoff_invalid', 'A handoff needs a receiver', { field: 'toUserId' });
  }
  if (input.fromUserId !== null && input.fromUserId === input.toUserId) {
    throw new KeptError('case.handoff_invalid', 'The case already belongs to this person', { field: 'toUserId' });
  }
  if (!input.toUserActive) {
    throw new KeptError('case.handoff_invalid', 'The receiver is not an active user', { field: 'toUserId' });
  }
}
