import { KeptError } from '../../errors/kept-error.ts';
import { CASE_STATUSES, type CaseStatus } from '../../kernel/domain-words.ts';

export { CASE_STATUSES };

// A case's status moves only along this table. "Reopen" is resolved/closed → open and is
// counted by the hell detector from the status_changed events it leaves behind.
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  new: ['open', 'waiting_on_customer', 'resolved'],
  open: ['waiting_on_customer', 'resolved'],
  waiting_on_customer: ['open', 'resolved'],
  resolved: ['open', 'closed'],
  closed: ['open'],
};

export function isCaseStatus(value: string): value is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(value);
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  if (!canTransition(from, to)) {
    throw new KeptError('case.invalid_transition', `A case cannot move from "${from}" to "${to}"`, { field: 'to' });
  }
}

export function isReopening(from: CaseStatus, to: CaseStatus): boolean {
  return (from === 'resolved' || from === 'closed') && to === 'open';
}

/** Where a case goes when the customer writes again: a message never lands on a closed case silently. */
export function statusAfterCustomerMessage(current: CaseStatus): CaseStatus {
  return current === 'new' ? 'new' : 'open';
}
