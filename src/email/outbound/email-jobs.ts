import { EMAIL_JOB } from '../../kernel/job-names.ts';
import { defineJob } from '../../kernel/job-definition.ts';
import { pollDueMailboxes, pollMailbox } from '../imap/poll-mailbox.ts';
import { deliverOutbox } from './deliver-outbox.ts';

// Both are safe to run twice: outbox rows are claimed under SKIP LOCKED with a status change,
// mailboxes under a lease, and IMAP imports are keyed by the message's hash.
export const EMAIL_JOB_DEFINITIONS = [
  defineJob(EMAIL_JOB.outboxSend, (ctx, payload) => deliverOutbox(ctx, payload)),
  defineJob(EMAIL_JOB.imapPoll, (ctx, payload) =>
    payload.mailboxId ? pollMailbox(ctx, payload.mailboxId) : pollDueMailboxes(ctx),
  ),
];
