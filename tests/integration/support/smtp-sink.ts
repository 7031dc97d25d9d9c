import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  envelope: { from: string; to: string[] };
  raw: Buffer;
  parsed: ParsedMail;
}

/**
 * A real SMTP server for tests: Kept's outbound mail is delivered to it over TCP and parsed
 * here. `refuse` makes it answer the next DATA commands with a 451 (or any code) first.
 */
export interface SmtpSink {
  port: number;
  received: ReceivedMail[];
  /** Codes to answer the next messages with, in order (e.g. [451] refuses one, then accepts). */
  refuse: number[];
  /** Refuse every message with this code (null: accept). */
  refuseAll: number | null;
  logins: string[];
  close(): Promise<void>;
}

export async function startSmtpSink(options: { user?: string; password?: string } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = {
    port: 0,
    received: [],
    refuse: [],
    refuseAll: null,
    logins: [],
    close: async () => undefined,
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    // Kept's outbound transport is pooled and keeps its connection open: without this, closing
    // the sink waited the default 30 s for it (each e-mail test file spent a minute closing).
    closeTimeout: 200,
    authOptional: !options.user,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.password) {
        sink.logins.push(auth.username ?? '');
        return callback(null, { user: auth.username });
      }
      return callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const code = sink.refuse.shift() ?? sink.refuseAll;
        if (code)
          return callback(
            Object.assign(new Error(code >= 500 ? 'Mailbox unavailable' : 'Try again later'), { responseCode: code }),
          );
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            sink.received.push({
              envelope: {
                from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
                to: session.envelope.rcptTo.map((r) => r.address),
              },
              raw,
              parsed,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  sink.port = (server.server.address() as AddressInfo).port;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

/** A header as a plain string (mailparser gives structured values for some). */
export function headerText(mail: ParsedMail, name: string): string | undefined {
  const value = mail.headers.get(name.toLowerCase());
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(' ');
  if (typeof value === 'object' && value !== null && 'text' in value) return String((value as { text: string }).text);
  return String(value);
}
