import { onChange } from '../../kernel/change-notice.ts';
import type { OwnerCandidate } from './choose-owner.ts';

// Intake picks the owner of a new case from every active staff member's open-case count
// (choose-owner.ts). Counting those on every new case costs more than the rest of the read
// once agents carry hundreds of open cases, so the counts are kept here for a second, and
// each case this process assigns is added at once, so consecutive new cases still spread.
// Loads are a routing hint, not a figure anyone reports: for up to a second, another
// instance's assignments or a case resolved elsewhere are not seen, and the spread is off by
// those few cases. Staff changes made through this process (announced: kernel/change-notice.ts)
// are seen at once.

const FRESH_MS = 1_000;
const loads = new Map<string, { at: number; staff: OwnerCandidate[] }>();

export function freshStaffLoads(workspaceId: string): OwnerCandidate[] | null {
  const entry = loads.get(workspaceId);
  if (!entry || Date.now() - entry.at > FRESH_MS) return null;
  return entry.staff;
}

export function rememberStaffLoads(workspaceId: string, staff: OwnerCandidate[]): void {
  if (loads.size > 10_000) loads.clear();
  loads.set(workspaceId, { at: Date.now(), staff: staff.map((s) => ({ ...s })) });
}

/** A new case this process just gave to `userId`. */
export function countAssignment(workspaceId: string, userId: string): void {
  const member = loads.get(workspaceId)?.staff.find((s) => s.id === userId);
  if (member) member.openCases += 1;
}

export function forgetStaffLoads(workspaceId: string): void {
  loads.delete(workspaceId);
}

onChange((change) => {
  if (change.kind === 'staff') forgetStaffLoads(change.workspaceId);
});
