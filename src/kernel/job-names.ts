// Stable job names: renaming one strands the timers already queued under the old name.
export const TIMER = {
  promiseReminder: 'promise-reminder',
  promiseDue: 'promise-due',
  escalationDeadline: 'escalation-deadline',
  /**
   * At most one waiting per case (pg-boss policy "short", keyed by the case id): a burst of
   * messages is assessed once, after the last of them (hell-assessment-timer.ts).
   */
  caseAssessHell: 'case-assess-hell-per-case',
  /** The queue before that, one job per change; jobs still in it are run, nothing new goes in. */
  caseAssessHellUnkeyed: 'case-assess-hell',
  retentionRefreshScores: 'retention-refresh-scores',
} as const;

/** E-mail's jobs, named like the timers above. */
export const EMAIL_JOB = {
  /** Sends due outbox rows (of one workspace, or of all when the payload has none). */
  outboxSend: 'email-outbox-send',
  /** Polls the IMAP mailboxes (one, or all that are due). */
  imapPoll: 'email-imap-poll',
} as const;

/** Surveys' jobs (src/surveys/), named like the timers above. */
export const SURVEY_JOB = {
  /** Queued when a case is resolved: decides when its satisfaction survey goes (business hours), and the customer's NPS survey of the period. */
  planAfterResolution: 'survey-plan-after-resolution',
  /** Sends one survey at its time, unless the throttling rules hold it back. */
  send: 'survey-send',
} as const;

/** Retention's jobs: a web upload's import, run in the background (src/retention/import-job.ts). */
export const IMPORT_JOB = {
  run: 'import-run',
} as const;
