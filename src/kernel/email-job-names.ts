// Stable job names: renaming one strands the jobs already queued under the old name.
export const EMAIL_JOB = {
  /** Sends due outbox rows (of one workspace, or of all when the payload has none). */
  outboxSend: 'email-outbox-send',
  /** Polls the IMAP mailboxes (one, or all that are due). */
  imapPoll: 'email-imap-poll',
} as const;
