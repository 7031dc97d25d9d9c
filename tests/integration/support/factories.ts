import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { startSession } from '../../../src/accounts/sessions.ts';
import { users, workspaces } from '../../../src/db/schema.ts';
import { createWorkspace } from '../../../src/workspaces/create-workspace.ts';
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
      .values({ workspaceId: workspace.id, name, email, role, languages, passwordHash: admin.passwordHash, capacity: 20 })
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
      return kept.app.inject({ ...options, headers: { ...(options.headers ?? {}), ...(as ? { cookie: as.cookie } : {}) } });
    },
  };
}
