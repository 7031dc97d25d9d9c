import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Db } from '../../db/open-database.ts';
import type { InboundProcessor } from './inbound-processor.ts';
import { groupCommitStore } from './group-commit.ts';
import { workspaceForRecipient } from './support-addresses.ts';
import { clientAddressKey } from '../../net/client-address-key.ts';
import { SMTP_CONNECTION_DEFAULTS } from '../../config/kept-config.ts';

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
const MAX_RECIPIENTS = 50;

export interface SmtpListenerOptions {
  db: Db;
  processor: InboundProcessor | null;
  host: string;
  port: number;
  maxMessageBytes?: number;
  now?: () => Date;
  hostname?: string;
  /** All connections at once (KEPT_SMTP_MAX_CONNECTIONS). */
  maxConnections?: number;
  /** Connections at once from one address, an IPv6 /64 counting as one (KEPT_SMTP_MAX_CONNECTIONS_PER_ADDRESS). */
  maxConnectionsPerAddress?: number;
  /** A connection silent this long is closed (KEPT_SMTP_IDLE_TIMEOUT_SECONDS). */
  idleTimeoutSeconds?: number;
}

export interface SmtpListener {
  port: number;
  close(): Promise<void>;
}

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * Kept's own MX: accepts mail for the workspaces' support addresses (and plus-addresses of
 * them), and answers 250 only once the raw message is committed. A store that cannot be
 * reached gets a 451, so the sending server keeps the message and tries again later.
 * No AUTH (it is a receiving MX) and no STARTTLS here: put TLS in front of it where needed.
 */
export async function startSmtpListener(options: SmtpListenerOptions): Promise<SmtpListener> {
  const maxBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const now = options.now ?? (() => new Date());
  // Workspaces of each session's accepted recipients, by session id.
  const routes = new Map<string, Map<string, string[]>>();
  // Messages arriving together are committed together; each 250 still waits for its commit.
  const store = groupCommitStore(options.db);
  const limits = { ...SMTP_CONNECTION_DEFAULTS, ...definedOnly(options) };
  // Open sessions by address key. Sessions, not a count: smtp-server calls onClose for refused
  // connections too, and only the ones admitted here may give a place back.
  const open = new Map<string, Set<string>>();
  const server = new SMTPServer({
    name: options.hostname ?? 'kept',
    banner: 'Kept inbound mail',
    size: maxBytes,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    maxClients: limits.maxConnections,
    socketTimeout: limits.idleTimeoutSeconds * 1000,
    closeTimeout: 5_000,
    // Nothing here uses the client's host name, and a flood of connections should not also
    // become a flood of DNS queries, nor wait up to 1.5 s each before the limit below refuses it.
    disableReverseLookup: true,
    onConnect(session, callback) {
      const key = clientAddressKey(session.remoteAddress);
      const sessions = open.get(key) ?? new Set<string>();
      if (sessions.size >= limits.maxConnectionsPerAddress) {
        const most = limits.maxConnectionsPerAddress;
        return callback(
          smtpError(421, `4.7.0 Too many connections from your address (${most} at once), try again later`),
        );
      }
      sessions.add(session.id);
      open.set(key, sessions);
      callback();
    },
    onMailFrom(_address, session, callback) {
      // A new transaction on the same connection (or after RSET) starts with no recipients.
      routes.delete(session.id);
      callback();
    },
    onRcptTo(address, session, callback) {
      const recipients = routes.get(session.id) ?? new Map<string, string[]>();
      if ([...recipients.values()].reduce((n, list) => n + list.length, 0) >= MAX_RECIPIENTS) {
        return callback(smtpError(452, '4.5.3 Too many recipients in one message'));
      }
      workspaceForRecipient(options.db, address.address).then(
        (found) => {
          if (!found) return callback(smtpError(550, `5.1.1 <${address.address}>: no such support address here`));
          const list = recipients.get(found.workspaceId) ?? [];
          list.push(address.address.toLowerCase());
          recipients.set(found.workspaceId, list);
          routes.set(session.id, recipients);
          callback();
        },
        () => callback(smtpError(451, '4.3.0 Mail store temporarily unavailable, try again later')),
      );
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      });
      stream.on('error', () => undefined);
      stream.on('end', () => {
        const recipients = routes.get(session.id) ?? new Map<string, string[]>();
        routes.delete(session.id);
        if (stream.sizeExceeded || size > maxBytes) {
          return callback(smtpError(552, `5.3.4 Message too big: the limit is ${maxBytes} bytes`));
        }
        if (recipients.size === 0) return callback(smtpError(554, '5.5.1 No valid recipients'));
        const raw = Buffer.concat(chunks, size);
        const envelopeFrom = session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address;
        const receivedAt = now();
        const routed = [...recipients];
        Promise.all(
          routed.map(([workspaceId, to]) =>
            store.store({ workspaceId, raw, envelopeFrom, envelopeTo: to, receivedAt }),
          ),
        ).then(
          (stored) => {
            // The bytes and recipients go along in memory, so that processing need not read them back.
            stored.forEach((s, i) => {
              if (s.created && s.id)
                options.processor?.enqueue(s.id, { raw, envelopeTo: routed[i]![1], workspaceId: routed[i]![0] });
            });
            callback(
              null,
              `2.0.0 Stored as ${stored.map((s) => s.id).join(',')}${stored.every((s) => !s.created) ? ' (duplicate)' : ''}`,
            );
          },
          () => callback(smtpError(451, '4.3.0 Could not store the message, try again later')),
        );
      });
    },
    onClose(session) {
      routes.delete(session.id);
      const key = clientAddressKey(session.remoteAddress);
      const sessions = open.get(key);
      if (sessions?.delete(session.id) && sessions.size === 0) open.delete(key);
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The limits set in the options (undefined means "the default"). */
function definedOnly(options: SmtpListenerOptions): Partial<typeof SMTP_CONNECTION_DEFAULTS> {
  const { maxConnections, maxConnectionsPerAddress, idleTimeoutSeconds } = options;
  const set = { maxConnections, maxConnectionsPerAddress, idleTimeoutSeconds };
  return Object.fromEntries(Object.entries(set).filter(([, v]) => v !== undefined));
}
