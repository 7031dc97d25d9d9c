// Tables of the e-mail channel (issue 3). Inbound: the raw message is stored before the
// SMTP 250, so nothing acknowledged to a sender can be lost; everything else is derived
// from it and can be rebuilt by re-processing.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { cases, messages, workspaces } from './schema.ts';

const ts = (name: string) => timestamp(name, { withTimezone: true });
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** Raw bytes: e-mail is not always valid UTF-8, and the hash must be over what arrived. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back a Uint8Array, pg a Buffer: one shape for the code.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** The addresses a workspace receives mail on; plus-addresses (support+x@…) reach the same one. */
export const supportAddresses = pgTable(
  'support_addresses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Lower-case, without a +tag. Unique across workspaces: one address, one desk. */
    address: text('address').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('support_addresses_address_key').on(t.address),
    index('support_addresses_workspace_idx').on(t.workspaceId),
  ],
);

export type InboundEmailStatus = 'received' | 'processed' | 'auto_reply' | 'rate_limited' | 'failed';

/** Every message the listener accepted, raw, committed before the 250. */
export const inboundEmails = pgTable(
  'inbound_emails',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    raw: bytea('raw').notNull(),
    sha256: text('sha256').notNull(),
    /**
     * The hash of what the author wrote — the headers an author writes and the body, not the
     * trace headers servers add on the way (content-hash.ts) — so one message delivered twice
     * (two paths, SMTP and IMAP) is kept once, and another message under a reused Message-ID is not lost.
     */
    contentSha256: text('content_sha256').notNull(),
    size: integer('size').notNull(),
    envelopeFrom: text('envelope_from'),
    envelopeTo: text('envelope_to').array().notNull(),
    /** The Message-ID header without angle brackets; null when the message had none. */
    messageIdHeader: text('message_id_header'),
    /**
     * Set when the Message-ID was already used by an earlier, different message: that message's
     * row. Such a message is kept and processed as its own, and noted on its case; its Message-ID
     * stays the earlier message's for threading. No foreign key: written only by the store's insert.
     */
    messageIdReusedOf: uuid('message_id_reused_of'),
    /** Lower-case sender (From:, else MAIL FROM), for the per-sender rate limit. */
    fromAddress: text('from_address'),
    subject: text('subject'),
    status: text('status').$type<InboundEmailStatus>().notNull().default('received'),
    /** Why it was not turned into a message, or what failed. */
    note: text('note'),
    error: text('error'),
    attempts: integer('attempts').notNull().default(0),
    caseId: uuid('case_id').references(() => cases.id),
    messageId: uuid('message_id').references(() => messages.id),
    /** A case the mail pointed at but was not threaded into (another customer's): shown as a link. */
    relatedCaseId: uuid('related_case_id').references(() => cases.id),
    threadedBy: text('threaded_by'),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
  },
  (t) => [
    uniqueIndex('inbound_emails_workspace_sha_key').on(t.workspaceId, t.sha256),
    // The same Message-ID with the same content is the same message; with other content it is not.
    uniqueIndex('inbound_emails_workspace_message_id_content_key')
      .on(t.workspaceId, t.messageIdHeader, t.contentSha256)
      .where(sql`message_id_header is not null`),
    // The recovery sweep: tiny, because processed rows leave it.
    index('inbound_emails_pending_idx')
      .on(t.receivedAt)
      .where(sql`status in ('received', 'failed')`),
    index('inbound_emails_sender_idx').on(t.workspaceId, t.fromAddress, t.receivedAt),
    index('inbound_emails_case_idx').on(t.caseId),
  ],
);

/** Message-IDs (inbound and outbound) that belong to a case: how replies find their thread. */
export const emailThreadIds = pgTable(
  'email_thread_ids',
  {
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** Without angle brackets, as written (Message-IDs are case-sensitive in the local part). */
    messageIdHeader: text('message_id_header').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    direction: text('direction').$type<'inbound' | 'outbound'>().notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_thread_ids_key').on(t.workspaceId, t.messageIdHeader)],
);

/** Attachments of inbound mail, with the type that was detected from the bytes, not declared. */
export const emailAttachments = pgTable(
  'email_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    /** The e-mail it came in; null for a file the customer attached in the portal (issue 16). */
    inboundEmailId: uuid('inbound_email_id').references(() => inboundEmails.id),
    messageId: uuid('message_id').references(() => messages.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** The name it is stored and served under: no path, no control characters, bounded (safe-filename.ts). */
    filename: text('filename').notNull(),
    /** The name as the sender wrote it (made storable), for display only. */
    originalFilename: text('original_filename').notNull(),
    declaredType: text('declared_type').notNull(),
    detectedType: text('detected_type'),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    /** Null when over the size limit (the raw message still holds it). */
    content: bytea('content'),
    inline: boolean('inline').notNull().default(false),
    dangerous: boolean('dangerous').notNull().default(false),
    dangerReasons: text('danger_reasons')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('email_attachments_message_idx').on(t.messageId),
    index('email_attachments_inbound_idx').on(t.inboundEmailId),
  ],
);

// --- Outbound (src/email/outbound/): the relay, the development sink ---

/** The SMTP relay of a workspace. No row (or no host): mail goes to the development sink. */
export const emailSettings = pgTable('email_settings', {
  workspaceId: uuid('workspace_id')
    .primaryKey()
    .references(() => workspaces.id),
  smtpHost: text('smtp_host'),
  smtpPort: integer('smtp_port').notNull().default(587),
  /** true: TLS from the first byte (465); false: STARTTLS when offered (587, 25). */
  smtpSecure: boolean('smtp_secure').notNull().default(false),
  smtpUser: text('smtp_user'),
  /** Write-only through the API: never returned. */
  smtpPassword: text('smtp_password'),
  fromAddress: text('from_address'),
  fromName: text('from_name'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Outbound mail "sent" without a relay (development): kept so the web app can show it. */
export const emailSinkMessages = pgTable(
  'email_sink_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    outboxId: uuid('outbox_id').references(() => outbox.id),
    messageIdHeader: text('message_id_header'),
    fromAddress: text('from_address').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    headers: jsonb('headers').$type<Record<string, string>>().notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    raw: text('raw').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('email_sink_workspace_idx').on(t.workspaceId, t.createdAt)],
);

// --- IMAP poller (src/email/imap/) ---

/** A mailbox elsewhere that Kept reads incrementally by UID. */
export const imapMailboxes = pgTable(
  'imap_mailboxes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    host: text('host').notNull(),
    port: integer('port').notNull().default(993),
    secure: boolean('secure').notNull().default(true),
    username: text('username').notNull(),
    /** Write-only through the API: never returned. */
    password: text('password').notNull(),
    mailbox: text('mailbox').notNull().default('INBOX'),
    /** UIDs mean something only within one UIDVALIDITY; a change means: scan again from the start. */
    uidValidity: bigint('uid_validity', { mode: 'number' }),
    lastUid: bigint('last_uid', { mode: 'number' }).notNull().default(0),
    lastPolledAt: ts('last_polled_at'),
    lastError: text('last_error'),
    failingSince: ts('failing_since'),
    /** One poller at a time per mailbox across Kept instances; expires if a poller dies. */
    leaseUntil: ts('lease_until'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('imap_mailboxes_workspace_idx').on(t.workspaceId)],
);

/** Hashes of what a mailbox already handed over: a UIDVALIDITY reset re-reads, never re-imports. */
export const imapImportedMessages = pgTable(
  'imap_imported_messages',
  {
    mailboxId: uuid('mailbox_id')
      .notNull()
      .references(() => imapMailboxes.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    uid: bigint('uid', { mode: 'number' }).notNull(),
    importedAt: ts('imported_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('imap_imported_key').on(t.mailboxId, t.sha256)],
);

/** Messages for the customer waiting to be delivered by a channel worker (e-mail lands later). */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    workspaceId: uuid('workspace_id')
      .notNull()
      .references(() => workspaces.id),
    caseId: uuid('case_id').references(() => cases.id),
    messageId: uuid('message_id').references(() => messages.id),
    channel: text('channel').notNull(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    status: text('status').$type<'pending' | 'sending' | 'sent' | 'failed' | 'bounced'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: createdAt(),
    // E-mail delivery (src/email/outbound/): acknowledgements are marked auto-replied, replies are not.
    kind: text('kind').$type<'acknowledgement' | 'reply' | 'message'>().notNull().default('message'),
    language: text('language'),
    /** Assigned once, before the first attempt, so every retry carries the same Message-ID. */
    messageIdHeader: text('message_id_header'),
    inReplyTo: text('in_reply_to'),
    references: text('references'),
    replyTo: text('reply_to'),
    /** A pending row waits until then (backoff); a 'sending' row is reclaimed after it (crashed sender). */
    nextAttemptAt: ts('next_attempt_at'),
    bouncedAt: ts('bounced_at'),
    bounceReason: text('bounce_reason'),
  },
  (t) => [
    index('outbox_status_idx').on(t.status, t.createdAt),
    index('outbox_message_id_header_idx').on(t.messageIdHeader),
    // The sender's claim walks the waiting rows oldest first and stops at a batch (issue 15):
    // without it every batch of 20 sorted all pending rows (the sent ones are the many).
    index('outbox_waiting_idx')
      .on(t.createdAt)
      .where(sql`${t.status} in ('pending', 'sending')`),
  ],
);
