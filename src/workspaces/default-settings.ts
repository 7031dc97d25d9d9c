import type { WorkspaceSettings } from '../contract/api-types.ts';
import { DEFAULT_HELL_THRESHOLDS } from '../desk/service-hell/hell-thresholds.ts';

export function defaultWorkspaceSettings(): WorkspaceSettings {
  return {
    acknowledgementWindowMinutes: 30,
    // A realistic first answer (essay 001: promise less than you can deliver); issue 4
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
