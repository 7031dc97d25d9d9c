import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { workspaces } from '../db/schema.ts';
import { createUser } from '../accounts/index.ts';
import { defaultWorkspaceSettings } from './default-settings.ts';

export function slugify(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return ascii.length >= 2 ? ascii : `ws-${crypto.randomBytes(3).toString('hex')}`;
}

export interface CreateWorkspaceInput {
  workspaceName: string;
  adminName: string;
  adminEmail: string;
  password: string;
  language: string;
  slug?: string;
}

/** A workspace and its first admin, in one transaction. */
export async function createWorkspace(db: Db, input: CreateWorkspaceInput) {
  return db.transaction(async (tx) => {
    const base = input.slug ?? slugify(input.workspaceName);
    const slug = `${base}${(await slugTaken(tx as unknown as Db, base)) ? `-${crypto.randomBytes(2).toString('hex')}` : ''}`;
    const settings = defaultWorkspaceSettings();
    settings.supportEmail = input.adminEmail.trim().toLowerCase();
    const [workspace] = await tx
      .insert(workspaces)
      .values({
        name: input.workspaceName.trim(),
        slug,
        defaultLanguage: input.language,
        settings,
        portalSecret: crypto.randomBytes(32).toString('hex'),
      })
      .returning();
    const admin = await createUser(tx as unknown as Db, {
      workspaceId: workspace!.id,
      name: input.adminName,
      email: input.adminEmail,
      password: input.password,
      role: 'admin',
      languages: [input.language],
    });
    return { workspace: workspace!, admin };
  });
}

async function slugTaken(db: Db, slug: string): Promise<boolean> {
  const rows = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug)).limit(1);
  return rows.length > 0;
}
