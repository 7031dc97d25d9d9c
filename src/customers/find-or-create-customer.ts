import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { customers } from '../db/schema.ts';
import { KeptError, notFound } from '../errors/kept-error.ts';

export interface CustomerIdentity {
  id?: string;
  name?: string;
  email?: string | null;
  phone?: string | null;
  language?: string | null;
}

export type CustomerRow = typeof customers.$inferSelect;

export function normalizeEmail(email: string | null | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

/** The same person writing twice is one customer: matched by id, then e-mail, then phone. */
export async function findOrCreateCustomer(db: Db, workspaceId: string, who: CustomerIdentity, now: Date = new Date()): Promise<CustomerRow> {
  if (who.id) {
    const [row] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.id, who.id)));
    if (!row) throw notFound('The customer');
    return row;
  }
  const email = normalizeEmail(who.email);
  const phone = who.phone?.trim() || null;
  if (email) {
    const [row] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.email, email)));
    if (row) return row;
  } else if (phone) {
    const [row] = await db
      .select()
      .from(customers)
      .where(and(eq(customers.workspaceId, workspaceId), eq(customers.phone, phone)))
      .limit(1);
    if (row) return row;
  } else {
    throw new KeptError('request.invalid', 'A customer needs an e-mail address or a phone number', { field: 'customer.email' });
  }
  const name = who.name?.trim() || email || phone || '';
  const [created] = await db
    .insert(customers)
    .values({ workspaceId, name, email, phone, language: who.language ?? null, createdAt: now })
    .onConflictDoNothing()
    .returning();
  if (created) return created;
  // Lost a race with a concurrent first message from the same address: use the winner's row.
  const [row] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspaceId), eq(customers.email, email!)));
  return row!;
}
