import { eq } from 'drizzle-orm';
import type { Role } from '../contract/api-types.ts';
import type { Db } from '../db/open-database.ts';
import { users } from '../db/schema.ts';
import { KeptError } from '../errors/kept-error.ts';
import { announceChange } from '../kernel/change-notice.ts';
import { requireTeam } from '../teams/index.ts';
import { assertPasswordStrength, hashPassword } from './password.ts';

export interface NewUserInput {
  workspaceId: string;
  name: string;
  email: string;
  password: string;
  role: Role;
  languages: string[];
  capacity?: number;
  teamId?: string | null;
}

export async function createUser(db: Db, input: NewUserInput): Promise<typeof users.$inferSelect> {
  assertPasswordStrength(input.password);
  if (input.teamId) await requireTeam(db, input.workspaceId, input.teamId, 'teamId');
  const email = input.email.trim().toLowerCase();
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email)).limit(1);
  if (existing)
    throw new KeptError('user.email_taken', `A user with the e-mail ${email} already exists`, { field: 'email' });
  const [row] = await db
    .insert(users)
    .values({
      workspaceId: input.workspaceId,
      name: input.name.trim(),
      email,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      languages: [...new Set(input.languages.map((l) => l.toLowerCase()))],
      capacity: input.capacity ?? 20,
      teamId: input.teamId ?? null,
    })
    .returning();
  // A new member takes cases from the next intake on.
  announceChange({ kind: 'staff', workspaceId: input.workspaceId, userId: row!.id, teamChanged: false });
  return row!;
}
