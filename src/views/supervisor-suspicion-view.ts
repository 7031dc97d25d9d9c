import type { SupervisorSuspicionView } from '../contract/supervisor-suspicion-types.ts';
import type { KeptEvent } from '../events/event-types.ts';

/**
 * The case's open supervisor suspicion (issue 18), from its events: the newest
 * `supervisor.suspected` with no escalation opened and no dismissal after it.
 */
export function openSupervisorSuspicion(events: readonly KeptEvent[]): SupervisorSuspicionView | null {
  let open: SupervisorSuspicionView | null = null;
  for (const e of events) {
    if (e.type === 'supervisor.suspected') {
      const data = e.data as KeptEvent<'supervisor.suspected'>['data'];
      open = {
        messageId: data.messageId,
        phrase: data.phrase,
        confidence: data.confidence,
        at: e.occurredAt.toISOString(),
      };
    } else if (e.type === 'escalation.opened' || e.type === 'supervisor.suspicion_dismissed') {
      open = null;
    }
  }
  return open;
}
