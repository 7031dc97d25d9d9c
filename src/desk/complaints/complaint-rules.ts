import type { ComplaintKind, ComplaintSource } from '../../kernel/domain-words.ts';

// K12: when a case becomes, stays or stops being a complaint — the one table of allowed changes.
//
// | the case now          | asked                               | result     | event               |
// |-----------------------|-------------------------------------|------------|---------------------|
// | not a complaint       | mark (any source)                   | marked     | complaint.marked    |
// | unmarked by a person  | mark from the customer's words      | unchanged  | —                   |
// | unmarked by a person  | mark by agent, survey, supervisor   | marked     | complaint.marked    |
// | a complaint           | mark by an agent, another kind      | changed    | complaint.changed   |
// | a complaint           | any other mark                      | unchanged  | —                   |
// | a complaint           | unmark                              | unmarked   | complaint.unmarked  |
// | not a complaint       | unmark                              | refused (409 complaint.not_marked)  |
//
// Why the customer's words do not mark again a case a person unmarked: the recognizer misread
// that thread once and would misread every later message of it; a survey scored 1–2 or a
// supervisor asked for is new evidence, so it marks again. The first mark's source is kept: it
// says why the case is a complaint; a later change of kind is its own event.

export interface ComplaintState {
  isComplaint: boolean;
  kind: ComplaintKind | null;
  source: ComplaintSource | null;
  unmarkedAt: Date | null;
}

export type ComplaintRequest = { action: 'mark'; kind: ComplaintKind; source: ComplaintSource } | { action: 'unmark' };

export type ComplaintOutcome = 'marked' | 'changed' | 'unchanged' | 'unmarked' | 'not_marked';

export function decideComplaint(state: ComplaintState, request: ComplaintRequest): ComplaintOutcome {
  if (request.action === 'unmark') return state.isComplaint ? 'unmarked' : 'not_marked';
  if (!state.isComplaint) {
    return state.unmarkedAt !== null && request.source === 'customer_words' ? 'unchanged' : 'marked';
  }
  return request.source === 'agent' && request.kind !== state.kind ? 'changed' : 'unchanged';
}
