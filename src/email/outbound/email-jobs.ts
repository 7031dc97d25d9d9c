import { z } from 'zod';
import type { JobDefinition } from '../../jobs/job-definitions.ts';
import { pollDueMailboxes, pollMailbox } from '../imap/poll-mailbox.ts';
import { deliverOutbox } from './deliver-outbox.ts';
import { EMAIL_JOB } from '../../kernel/email-job-names.ts';

// Both are safe to run twice: outbox rows are claimed under SKIP LOCKED with a status change,
// mailboxes under a lease, and IMAP imports are keyed by the message's hash.
export const EMAIL_JOB_DEFINITIONS: ReadonlyArray<JobDefinition<never>> = [
  {
    name: EMAIL_JOB.outboxSend,
    payload: z.object({ workspaceId: z.uuid().optional() }),
    handle: (ctx, payload: { workspaceId?: string | undefined }) => deliverOutbox(ctx, payload),
  } satisfies JobDefinition<{ workspaceId?: string | undefined }>,
  {
    name: EMAIL_JOB.imapPoll,
    payload: z.object({ mailboxId: z.uuid().optional() }),
    handle: (ctx, payload: { mailboxId?: string | undefined }) => (payload.mailboxId ? pollMailbox(ctx, payload.mailboxId) : pollDueMailboxes(ctx)),
  } satisfies JobDefinition<{ mailboxId?: string | undefined }>,
] as unknown as ReadonlyArray<JobDefinition<never>>;
