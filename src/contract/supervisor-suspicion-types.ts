// Issue 18: a customer message that may ask for a supervisor, below the confidence that
// escalates by itself, shown on the case for the agent to escalate or dismiss.

/** The open suspicion on a case: the newest one not followed by an escalation or a dismissal. */
export interface SupervisorSuspicionView {
  messageId: string;
  /** The words read as the request's object ("your manager", "المدير"), as normalised. */
  phrase: string;
  /** 0…1, below the workspace-wide confidence that escalates without asking. */
  confidence: number;
  at: string;
}

/** The answer to dismissing a case's suspicion. */
export interface SupervisorSuspicionDismissed {
  caseId: string;
  messageId: string;
  dismissedAt: string;
}
