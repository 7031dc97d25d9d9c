import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailSettingsRow } from './email-settings.ts';
import { openCredential } from '../../secrets/index.ts';

// One pooled SMTP connection set per workspace relay, reused across jobs: opening a TLS
// session per message would cap the send rate at the relay's handshake speed.
const relays = new Map<string, { key: string; transport: Transporter }>();
let sink: Transporter | null = null;

export function relayTransport(settings: EmailSettingsRow): Transporter {
  const key = `${settings.smtpHost}|${settings.smtpPort}|${settings.smtpSecure}|${settings.smtpUser}|${settings.updatedAt.getTime()}`;
  const cached = relays.get(settings.workspaceId);
  if (cached?.key === key) return cached.transport;
  cached?.transport.close();
  const transport = nodemailer.createTransport({
    host: settings.smtpHost!,
    port: settings.smtpPort,
    secure: settings.smtpSecure,
    ...(settings.smtpUser
      ? { auth: { user: settings.smtpUser, pass: openCredential(settings.smtpPassword) ?? '' } }
      : {}),
    pool: true,
    maxConnections: 5,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  relays.set(settings.workspaceId, { key, transport });
  return transport;
}

/** The development sink: nodemailer builds the full MIME message, nothing leaves the machine. */
export function sinkTransport(): Transporter {
  sink ??= nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  return sink;
}

export function closeMailTransports(): void {
  for (const { transport } of relays.values()) transport.close();
  relays.clear();
}
