import type { HellThresholds, WorkspaceSettings } from '../contract/api-types.ts';

// Defaults for the service-hell flag (K6). Each one is the point where, reading the source
// essays, a customer is already in trouble — the flag should fire early, while the case can
// still be saved, not after the twentieth person.
export const DEFAULT_HELL_THRESHOLDS: HellThresholds = {
  /** Six contacts means the customer has had to chase us at least five times. */
  contacts: 6,
  /** A third channel (e-mail, then phone, then fax...) means the first two did not work. */
  channels: 3,
  /** Four people is three retellings of the story; the essay's customer met twenty. */
  people: 4,
  /** Three transfers is "endless transfers" (K6). */
  handoffs: 3,
  /** A second reopening means it was "resolved" twice without being fixed. */
  reopenings: 2,
  /** Three days waiting for answers in total, across every waiting period. */
  totalWaitMinutes: 3 * 24 * 60,
  /** One broken promise is already the story the customer will tell everyone (K3). */
  brokenPromises: 1,
  /** Three messages in a row with no answer: the customer is shouting into the void. */
  unansweredMessages: 3,
};

export function defaultWorkspaceSettings(): WorkspaceSettings {
  return {
    acknowledgementWindowMinutes: 30,
    // A realistic first answer (K4: promise less than you can deliver); issue 4
    // replaces this fixed figure with a quote from measured capability.
    firstResponseMinutes: 8 * 60,
    escalationDeadlineMinutes: 4 * 60,
    promiseReminderMinutes: 30,
    hellThresholds: { ...DEFAULT_HELL_THRESHOLDS },
    supportPhone: '',
    supportEmail: '',
    supportHours: '',
    quotePercentile: 90,
    quoteFromCapability: true,
  };
}
