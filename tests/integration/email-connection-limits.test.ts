// The SMTP listener cannot be filled by one address: idle connections beyond the per-address
// limit are refused at once with a 421, and mail from anywhere else still gets its 250.
// Linux routes all of 127.0.0.0/8 to the loopback, so 127.0.0.2 is "another address" here.
import net from 'node:net';
import nodemailer from 'nodemailer';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundEmails } from '../../src/db/schema-email.ts';
import { createTestWorkspace } from './support/factories.ts';
import { startTestMailbox, type TestMailbox } from './support/email-kit.ts';
import { testKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const IDLE_CONNECTIONS = 500;
const PER_ADDRESS = 20;

interface IdleClient {
  socket: net.Socket;
  /** The first reply line: the 220 greeting, or the 421 refusal. */
  firstLine: Promise<string>;
}

/** A client that connects from localAddress and then says nothing at all. */
function idleClient(port: number, localAddress: string): IdleClient {
  const socket = net.connect({ host: '127.0.0.1', port, localAddress });
  socket.on('error', () => undefined);
  const firstLine = new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('latin1');
      if (text.includes('\n')) resolve(text.split('\r\n')[0]!);
    });
    socket.on('close', () => resolve(text.split('\r\n')[0] || '(closed)'));
  });
  return { socket, firstLine };
}

async function sendFrom(port: number, localAddress: string, to: string, subject: string) {
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    localAddress,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const text = 'Hello from another address.';
    const info = await transport.sendMail({ from: 'someone@elsewhere.test', to, subject, text });
    return { code: 250, response: info.response };
  } catch (error) {
    const e = error as { responseCode?: number; response?: string; message: string };
    return { code: e.responseCode ?? 0, response: e.response ?? e.message };
  } finally {
    transport.close();
  }
}

for (const kind of ['pglite', 'postgres'] as StoreKind[]) {
  describe.skipIf(kind === 'postgres' && !(await canUsePostgres()))(`SMTP connection limits (${kind})`, () => {
    let box: TestMailbox;
    const clients: IdleClient[] = [];
    beforeAll(async () => {
      const kept = await testKept(kind);
      const ws = await createTestWorkspace(kept);
      box = await startTestMailbox(kept, ws.id, { maxConnectionsPerAddress: PER_ADDRESS });
    });
    afterAll(async () => {
      for (const c of clients) c.socket.destroy();
      await box?.close();
    });

    it(`${IDLE_CONNECTIONS} idle connections from one address do not stop another address's mail`, async () => {
      for (let i = 0; i < IDLE_CONNECTIONS; i++) clients.push(idleClient(box.smtp.port, '127.0.0.1'));
      const lines = await Promise.all(clients.map((c) => c.firstLine));

      const subject = `From elsewhere ${kind} ${Date.now()}`;
      const sent = await sendFrom(box.smtp.port, '127.0.0.2', box.address, subject);
      expect(sent).toMatchObject({ code: 250 });
      const id = /Stored as ([0-9a-f-]+)/.exec(sent.response)?.[1] ?? '';
      const stored = await (await testKept(kind)).store.db.select().from(inboundEmails).where(eq(inboundEmails.id, id));
      expect(stored).toHaveLength(1);

      const greeted = lines.filter((l) => l.startsWith('220 '));
      const refused = lines.filter((l) => l.startsWith('421 '));
      expect(greeted).toHaveLength(PER_ADDRESS);
      expect(refused).toHaveLength(IDLE_CONNECTIONS - PER_ADDRESS);
      expect(refused[0]).toMatch(/too many connections from your address/i);
      // The refused connections were closed by the listener; the greeted ones are still open and idle.
      expect(clients.filter((c) => !c.socket.destroyed && c.socket.readyState === 'open')).toHaveLength(PER_ADDRESS);
    });

    it('gives a closed connection its place back', async () => {
      for (const c of clients.splice(0)) c.socket.destroy();
      // The listener learns of each close asynchronously; the place is back once it has.
      await expect
        .poll(
          async () => {
            const probe = idleClient(box.smtp.port, '127.0.0.1');
            clients.push(probe);
            const line = await probe.firstLine;
            probe.socket.destroy();
            return line.slice(0, 3);
          },
          { timeout: 10_000 },
        )
        .toBe('220');
    });
  });
}
