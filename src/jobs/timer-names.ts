// Stable job names: renaming one strands the timers already queued under the old name.
export const TIMER = {
  promiseReminder: 'promise-reminder',
  promiseDue: 'promise-due',
  escalationDeadline: 'escalation-deadline',
  caseAssessHell: 'case-assess-hell',
  retentionRefreshScores: 'retention-refresh-scores',
} as const;
