import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import { InboundProcessor } from '../../../src/email/inbound/inbound-processor.ts';
import { startSmtpListener } from '../../../src/email/inbound/smtp-listener.ts';
import type { SmtpListener, SmtpListenerOptions } from '../../../src/email/inbound/smtp-listener.ts';
import { addSupportAddress } from '../../../src/email/inbound/support-addresses.ts';
import type { TestKept } from './test-kept.ts';

export interface TestMailbox {
  smtp: SmtpListener;
  processor: InboundProcessor;
  /** The workspace's support address on a domain of its own (support addresses are global). */
  domain: string;
  address: string;
  send(
    raw: string | Buffer,
    envelope: { from: string | false; to: string[] },
  ): Promise<{ code: number; response: string; storedIds: string[] }>;
  close(): Promise<void>;
}

/** The real SMTP listener on a free port, over the test store, with its in-process processor. */
export async function startTestMailbox(
  kept: TestKept,
  workspaceId: string,
  options: Partial<Pick<SmtpListenerOptions, 'maxMessageBytes' | 'maxConnectionsPerAddress'>> = {},
): Promise<TestMailbox> {
  const domain = `acme-${crypto.randomBytes(4).toString('hex')}.test`;
  const address = `support@${domain}`;
  await addSupportAddress(kept.store.db, workspaceId, address);
  const processor = new InboundProcessor(kept.ctx, { concurrency: 2 });
  const smtp = await startSmtpListener({
    db: kept.store.db,
    processor,
    host: '127.0.0.1',
    port: 0,
    now: kept.clock.now,
    ...options,
  });
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: 4,
  });
  return {
    smtp,
    processor,
    domain,
    address,
    async send(raw, envelope) {
      try {
        const info = await transport.sendMail({
          envelope: { from: envelope.from === false ? '' : envelope.from, to: envelope.to },
          raw,
        });
        const storedIds = /Stored as ([0-9a-f,-]+)/.exec(info.response)?.[1]?.split(',').filter(Boolean) ?? [];
        return { code: 250, response: info.response, storedIds };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; message: string };
        return { code: e.responseCode ?? 0, response: e.response ?? e.message, storedIds: [] };
      }
    },
    async close() {
      transport.close();
      await smtp.close();
      await processor.stop();
    },
  };
}
