// Shapes of the outbound e-mail and IMAP API (issue 3), shared by the server and the web app
// (`import type` only). Dates are ISO-8601 strings.

/** The workspace's SMTP relay; the password is write-only and never returned. */
export interface EmailSettingsView {
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string | null;
  passwordSet: boolean;
  fromAddress: string | null;
  fromName: string | null;
  /** No relay configured: outbound mail goes to the development sink. */
  usesDevelopmentSink: boolean;
}

export interface EmailSettingsUpdate {
  smtpHost?: string | null;
  smtpPort?: number;
  smtpSecure?: boolean;
  smtpUser?: string | null;
  /** Omitted: unchanged; null or '': cleared. */
  smtpPassword?: string | null;
  fromAddress?: string | null;
  fromName?: string | null;
}

/** One e-mail as it went to the development sink. */
export interface SinkMessageView {
  id: string;
  outboxId: string | null;
  messageId: string | null;
  from: string;
  to: string;
  subject: string;
  headers: Record<string, string>;
  text: string;
  html: string | null;
  createdAt: string;
}

export interface MailboxView {
  id: string;
  host: string;
  port: number;
  secure: boolean;
  username: string;
  mailbox: string;
  lastUid: number;
  lastPolledAt: string | null;
  ok: boolean;
  lastError: string | null;
  failingSince: string | null;
}

export interface MailboxInput {
  host: string;
  port: number;
  secure: boolean;
  username: string;
  password: string;
  mailbox: string;
}

export interface MailboxTestResult {
  ok: boolean;
  error: string | null;
  messages: number | null;
}

/** As in GET /api/v1/health's `mailboxes` (staff). */
export interface MailboxHealth {
  id: string;
  ok: boolean;
  lastError: string | null;
  failingSince: string | null;
}

/** GET /api/health, public: nothing but the verdict (503 when the database is unreachable). */
export interface PublicHealth {
  status: 'ok' | 'degraded';
}

/** How late this process's event loop ran over the last `windowSeconds` (issue 14). */
export interface EventLoopLag {
  lagMsP99: number;
  lagMsMax: number;
  windowSeconds: number;
}

/** GET /api/v1/health, staff: the verdict and why, with their workspace's mailboxes; the event loop for admins. */
export interface HealthDetails {
  ok: boolean;
  status: 'ok' | 'degraded';
  database: boolean;
  jobs: boolean;
  store: 'pglite' | 'postgres';
  mailboxes: MailboxHealth[];
  eventLoop?: EventLoopLag;
}
