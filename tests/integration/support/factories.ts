import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { startSession } from '../../../src/accounts/sessions.ts';
import { users, workspaces } from '../../../src/db/schema.ts';
import { emailAttachments, supportAddresses } from '../../../src/db/schema-email.ts';
import { signExpectationToken } from '../../../src/portal/expectation-link.ts';
import { runStoredImport } from '../../../src/retention/import-job.ts';
import { createWorkspace } from '../../../src/workspaces/create-workspace.ts';
import { startTestMailbox } from './email-kit.ts';
import type { TestKept } from './test-kept.ts';

export const TEST_PASSWORD = 'correct-horse-battery';

type Role = 'agent' | 'supervisor' | 'admin';

export interface TestStaff {
  id: string;
  name: string;
  email: string;
  role: Role;
  cookie: string;
}

export interface TestWorkspace {
  id: string;
  slug: string;
  admin: TestStaff;
  agentAr: TestStaff;
  agentRu: TestStaff;
  agentEn: TestStaff;
  supervisor: TestStaff;
  /** inject as this staff member (or anonymously with null). */
  request(as: TestStaff | null, options: InjectOptions): Promise<LightMyRequestResponse>;
}

/**
 * A workspace of its own for each test: tests on the shared store never see each other's
 * rows. Staff share the admin's password hash, so a workspace costs one argon2 hash, not five.
 */
export async function createTestWorkspace(
  kept: TestKept,
  overrides: { name?: string; settings?: Record<string, unknown> } = {},
): Promise<TestWorkspace> {
  const tag = crypto.randomBytes(4).toString('hex');
  const { workspace, admin } = await createWorkspace(kept.store.db, {
    workspaceName: overrides.name ?? `Test Co ${tag}`,
    adminName: 'Ada Admin',
    adminEmail: `admin-${tag}@kept.test`,
    password: TEST_PASSWORD,
    language: 'en',
    slug: `test-${tag}`,
  });
  if (overrides.settings) {
    await kept.store.db
      .update(workspaces)
      .set({ settings: { ...workspace.settings, ...overrides.settings } as never })
      .where(eq(workspaces.id, workspace.id));
  }
  const now = kept.clock.now();
  const addStaff = async (name: string, role: Role, languages: string[]): Promise<TestStaff> => {
    const email = `${name.split(' ')[0]!.toLowerCase()}-${tag}@kept.test`;
    const [row] = await kept.store.db
      .insert(users)
      .values({
        workspaceId: workspace.id,
        name,
        email,
        role,
        languages,
        passwordHash: admin.passwordHash,
        capacity: 20,
      })
      .returning();
    return { id: row!.id, name, email, role, cookie: `kept_session=${await startSession(kept.store.db, row!, now)}` };
  };
  const adminStaff: TestStaff = {
    id: admin.id,
    name: admin.name,
    email: admin.email,
    role: 'admin',
    cookie: `kept_session=${await startSession(kept.store.db, admin, now)}`,
  };
  const agentAr = await addStaff('Layla Haddad', 'agent', ['ar', 'en']);
  const agentRu = await addStaff('Olga Ivanova', 'agent', ['ru']);
  const agentEn = await addStaff('Tom Baker', 'agent', ['en']);
  const supervisor = await addStaff('Sam Supervisor', 'supervisor', ['en', 'he']);
  return {
    id: workspace.id,
    slug: workspace.slug,
    admin: adminStaff,
    agentAr,
    agentRu,
    agentEn,
    supervisor,
    request(as, options) {
      return kept.app.inject({
        ...options,
        headers: { ...(options.headers ?? {}), ...(as ? { cookie: as.cookie } : {}) },
      });
    },
  };
}

/** The kinds of row a request can name by id, each seeded once per workspace by seedEveryKind. */
export type IdKind =
  | 'case'
  | 'customer'
  | 'promise'
  | 'escalation'
  | 'task'
  | 'user'
  | 'team'
  | 'mailbox'
  | 'attachment'
  | 'address'
  | 'cannedReply'
  | 'savedView'
  | 'import'
  | 'apiToken'
  /** A case of the portal customer whose link the workspace's data holds. */
  | 'portalCase';

export interface WorkspaceData {
  ids: Record<IdKind, string>;
  /** The portal customer's signed links: their session (for portalCase) and the expectation page of that case. */
  portalToken: string;
  expectToken: string;
}

/**
 * One row of every kind a request can point at, made the way users make them (the API, real
 * SMTP for the attachment), so a test can aim one workspace's requests at another's rows.
 */
export async function seedEveryKind(kept: TestKept, ws: TestWorkspace): Promise<WorkspaceData> {
  const call = async (as: TestStaff | null, method: 'POST' | 'PUT', url: string, payload: object) => {
    const response = await ws.request(as, { method, url, payload });
    if (response.statusCode >= 300)
      throw new Error(`seeding ${method} ${url}: ${response.statusCode} ${response.body}`);
    return response.json();
  };
  const tag = crypto.randomBytes(3).toString('hex');
  const later = new Date(kept.clock.now().getTime() + 2 * 86_400_000).toISOString();
  const team = await call(ws.admin, 'POST', '/api/v1/teams', { name: `Team ${tag}` });
  const hours = { teamId: team.id, timeZone: 'UTC', weeklyHours: Array(7).fill([[540, 1020]]) };
  await call(ws.admin, 'PUT', '/api/v1/promises/calendars', hours);
  const spare = { name: `Spare ${tag}`, email: `spare-${tag}@kept.test`, password: TEST_PASSWORD, role: 'agent' };
  const user = await call(ws.admin, 'POST', '/api/v1/users', { ...spare, languages: ['en'], teamId: team.id });
  const customer = { name: 'Cora Case', email: `cora-${tag}@example.com` };
  const detail = await call(ws.agentEn, 'POST', '/api/v1/cases', { customer, channel: 'web', body: 'A seeded case' });
  const caseId: string = detail.case.id;
  const customerId: string = detail.customer.id;
  const callBack = { kind: 'callback', channel: 'phone', dueAt: later, description: 'Call', confirmOverPromise: true };
  const promise = await call(ws.agentEn, 'POST', `/api/v1/cases/${caseId}/promises`, callBack);
  const escalation = await call(ws.agentEn, 'POST', `/api/v1/cases/${caseId}/escalations`, { reason: 'A supervisor' });
  const task = await call(ws.agentEn, 'POST', `/api/v1/retention/customers/${customerId}/call`, { dueAt: later });
  // Port 1 refuses at once: a poll of this mailbox fails fast instead of waiting on a network.
  const imap = { host: '127.0.0.1', port: 1, secure: false, username: 'u', password: 'p', skipTest: true };
  const mailbox = await call(ws.admin, 'POST', '/api/v1/email/mailboxes', imap);
  const reply = { title: 'Thanks', body: 'Thank you, {{customer_name}}.', language: 'en', shared: true };
  const cannedReply = await call(ws.admin, 'POST', '/api/v1/canned-replies', reply);
  const view = { name: `Open e-mail ${tag}`, filters: { status: 'open', channel: 'email' }, shared: true };
  const savedView = await call(ws.admin, 'POST', '/api/v1/saved-views', view);
  const purchases = await ws.request(ws.admin, {
    method: 'POST',
    url: '/api/v1/imports?format=csv',
    payload: `customer_id,date,amount,order_id\nseed-${tag},2024-01-05,10.00,seed-${tag}\n`,
    headers: { 'content-type': 'text/csv' },
  });
  if (purchases.statusCode !== 202) throw new Error(`seeding an import: ${purchases.statusCode} ${purchases.body}`);
  const importId = purchases.json().import.id as string;
  await runStoredImport(kept.ctx, ws.id, importId); // the job the upload queued
  await call(ws.admin, 'POST', '/api/v1/tokens', { name: 'Integration' });
  const tokens = await ws.request(ws.admin, { method: 'GET', url: '/api/v1/tokens' });
  const apiTokenId = tokens.json().tokens[0].id as string;
  const request = { name: 'Pat Portal', email: `pat-${tag}@example.com`, body: 'Where is my parcel?' };
  const portal = await call(null, 'POST', `/api/v1/portal/${ws.slug}/requests`, request);
  const session = await ws.request(null, { method: 'GET', url: `/api/v1/portal/session/${portal.portalToken}` });
  const [portalCase] = session.json().cases;
  const [workspace] = await kept.store.db.select().from(workspaces).where(eq(workspaces.id, ws.id));
  const box = await startTestMailbox(kept, ws.id);
  try {
    const raw =
      `From: Ann <ann-${tag}@example.com>\r\nTo: ${box.address}\r\nSubject: Invoice\r\n` +
      `Message-ID: <seed-${tag}@example.com>\r\nMIME-Version: 1.0\r\n` +
      `Content-Type: multipart/mixed; boundary="b"\r\n\r\n` +
      `--b\r\nContent-Type: text/plain\r\n\r\nSee the file.\r\n--b\r\nContent-Type: text/plain; name="a.txt"\r\n` +
      `Content-Disposition: attachment; filename="a.txt"\r\n\r\nhello\r\n--b--\r\n`;
    const sent = await box.send(raw, { from: `ann-${tag}@example.com`, to: [box.address] });
    if (sent.code !== 250) throw new Error(`seeding the attachment: ${sent.code} ${sent.response}`);
    await box.processor.idle();
  } finally {
    await box.close();
  }
  const db = kept.store.db;
  const [attachment] = await db.select().from(emailAttachments).where(eq(emailAttachments.workspaceId, ws.id));
  const [address] = await db.select().from(supportAddresses).where(eq(supportAddresses.workspaceId, ws.id));
  return {
    ids: {
      case: caseId,
      customer: customerId,
      promise: promise.id,
      escalation: escalation.id,
      task: task.taskId,
      user: user.id,
      team: team.id,
      mailbox: mailbox.id,
      attachment: attachment!.id,
      address: address!.id,
      portalCase: portalCase.id,
      cannedReply: cannedReply.id,
      savedView: savedView.id,
      import: importId,
      apiToken: apiTokenId,
    },
    portalToken: portal.portalToken,
    expectToken: signExpectationToken(workspace!, portalCase.id),
  };
}
