// K2: every contact is acknowledged, but a customer who sends three messages in five minutes
// gets one acknowledgement, not three. The window runs from the last acknowledgement sent on
// the case (not from the last message), so a customer writing every few minutes for hours is
// still re-acknowledged once per window and never goes quiet for long.

const MS_PER_MINUTE = 60_000;

export function shouldAcknowledge(lastAcknowledgementAt: Date | null, messageAt: Date, windowMinutes: number): boolean {
  if (lastAcknowledgementAt === null) return true;
  // A window of 0 (or a nonsense value) switches suppression off: acknowledge everything.
  if (!Number.isFinite(windowMinutes) || windowMinutes <= 0) return true;
  const elapsed = messageAt.getTime() - lastAcknowledgementAt.getTime();
  // A message stamped before the last acknowledgement (clock skew, late import) is inside the
  // window: it was already covered by that acknowledgement.
  return elapsed >= windowMinutes * MS_PER_MINUTE;
}
