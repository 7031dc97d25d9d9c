import { expect } from 'vitest';
import type { CaseDetailResponse, PortalRequestCreated, PortalSessionResponse } from '../../src/contract/api-types.ts';
import { and, eq } from 'drizzle-orm';
import { emailSinkMessages } from '../../src/db/schema-email.ts';
import { deliverOutbox } from '../../src/email/outbound/deliver-outbox.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

// Issue 16: the customer attaches files in the portal; limits and sniffing answer with the field.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const file = (filename: string, bytes: Buffer, contentType?: string) => ({
  filename,
  content: bytes.toString('base64'),
  ...(contentType ? { contentType } : {}),
});

describeOnEachStore('portal attachments', (kept, run) => {
  const newRequest = (ws: TestWorkspace, extra: Record<string, unknown> = {}) =>
    ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/${ws.slug}/requests`,
      payload: {
        name: 'Mara Lind',
        email: `mara-${Math.random().toString(36).slice(2)}@example.com`,
        body: 'The lid arrived broken, photo attached.',
        ...extra,
      },
    });

  run('refuses bad files with the field named: shape (400), size (413), type (415), count', async () => {
    const ws = await createTestWorkspace(kept());
    const notBase64 = await newRequest(ws, { attachments: [{ filename: 'a.png', content: '%%%' }] });
    expect(notBase64.statusCode).toBe(400);
    expect(json(notBase64).error.field).toBe('attachments.0.content');
    const tooMany = await newRequest(ws, { attachments: Array(4).fill(file('a.png', PNG)) });
    expect(tooMany.statusCode).toBe(400);
    expect(json(tooMany).error.field).toBe('attachments');
    const big = Buffer.concat([PNG, Buffer.alloc(4 * 1024 * 1024)]);
    const tooBig = await newRequest(ws, { attachments: [file('big.png', big)] });
    expect(tooBig.statusCode).toBe(413);
    expect(json(tooBig).error).toMatchObject({ code: 'request.too_large', field: 'attachments.0.content' });
    const together = Buffer.concat([PNG, Buffer.alloc(3 * 1024 * 1024)]);
    const tooMuch = await newRequest(ws, {
      attachments: [file('a.png', together), file('b.png', together), file('c.png', together)],
    });
    expect(tooMuch.statusCode).toBe(413);
    expect(json(tooMuch).error.field).toBe('attachments.2.content');
    const program = await newRequest(ws, { attachments: [file('photo.png', Buffer.from('MZ\x90\x00 program'))] });
    expect(program.statusCode).toBe(415);
    expect(json(program).error.field).toBe('attachments.0.content');
    const page = await newRequest(ws, {
      attachments: [file('receipt.txt', Buffer.from('<html><script>alert(1)</script></html>'), 'text/plain')],
    });
    expect(page.statusCode).toBe(415);
    // Nothing refused was stored: no case was opened by any of them.
    const cases = json(await ws.request(ws.admin, { method: 'GET', url: '/api/v1/cases?view=all' }));
    expect(cases.cases).toHaveLength(0);
  });

  run('a photo attached to a new request and to a follow-up reaches the agent as a download', async () => {
    const ws = await createTestWorkspace(kept());
    const created = json<PortalRequestCreated>(
      await newRequest(ws, { attachments: [file('lid.png', PNG, 'image/png')] }),
    );
    const session = json<PortalSessionResponse>(
      await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${created.portalToken}` }),
    );
    const caseId = session.cases[0]!.id;
    const more = await ws.request(null, {
      method: 'POST',
      url: `/api/v1/portal/session/${created.portalToken}/cases/${caseId}/messages`,
      payload: { body: 'And the box.', attachments: [file('box.pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))] },
    });
    expect(more.statusCode).toBe(201);

    const detail = json<CaseDetailResponse>(
      await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/cases/${caseId}` }),
    );
    const files = detail.timeline.flatMap((i) => i.message?.attachments ?? []);
    expect(files.map((f) => [f.filename, f.detectedType, f.dangerous])).toEqual([
      ['lid.png', 'image/png', false],
      ['box.pdf', 'application/pdf', false],
    ]);
    const download = await ws.request(ws.agentEn, { method: 'GET', url: `/api/v1/email/attachments/${files[0]!.id}` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);
    expect(download.rawPayload.equals(PNG)).toBe(true);

    const other = await createTestWorkspace(kept());
    const foreign = await other.request(other.admin, {
      method: 'GET',
      url: `/api/v1/email/attachments/${files[0]!.id}`,
    });
    expect(foreign.statusCode).toBe(404);
    // A follow-up aimed at a case id the link does not own is "not found", its file unstored.
    const aimed = await other.request(null, {
      method: 'POST',
      url: `/api/v1/portal/session/${created.portalToken}/cases/00000000-0000-4000-8000-000000000000/messages`,
      payload: { body: 'x', attachments: [file('a.png', PNG)] },
    });
    expect(aimed.statusCode).toBe(404);
  });

  run('an agent attaches a file to an e-mail reply: on the timeline, and in the mail that goes out', async () => {
    const ws = await createTestWorkspace(kept());
    const opened = json<CaseDetailResponse>(
      await ws.request(ws.agentEn, {
        method: 'POST',
        url: '/api/v1/cases',
        payload: {
          customer: { name: 'Ivo Berg', email: `ivo-${Date.now()}@example.com` },
          channel: 'email',
          body: 'Hi',
        },
      }),
    );
    const url = `/api/v1/cases/${opened.case.id}/messages`;
    const onNote = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: {
        direction: 'outbound',
        channel: 'email',
        body: 'n',
        internal: true,
        attachments: [file('a.png', PNG)],
      },
    });
    expect(onNote.statusCode).toBe(400);
    expect(json(onNote).error.field).toBe('attachments');
    const program = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { direction: 'outbound', channel: 'email', body: 'x', attachments: [file('fix.exe', PNG)] },
    });
    expect(program.statusCode).toBe(415);
    const sent = await ws.request(ws.agentEn, {
      method: 'POST',
      url,
      payload: { direction: 'outbound', channel: 'email', body: 'The label.', attachments: [file('label.png', PNG)] },
    });
    expect(sent.statusCode).toBe(201);
    const reply = json<CaseDetailResponse>(sent).timeline.find((i) => i.message?.body === 'The label.')!.message!;
    expect(reply.attachments?.map((a) => a.filename)).toEqual(['label.png']);

    await deliverOutbox(kept().ctx, { workspaceId: ws.id });
    const [mail] = await kept()
      .store.db.select()
      .from(emailSinkMessages)
      .where(and(eq(emailSinkMessages.workspaceId, ws.id), eq(emailSinkMessages.textBody, 'The label.')));
    expect(mail?.raw).toMatch(/Content-Disposition: attachment; filename=label\.png/);
    expect(mail?.raw).toContain(PNG.toString('base64').slice(0, 40));
  });
});
