// A customer entered or corrected by a person (issue 16). Their address stays unique per workspace:
// checked first for a clear 409 naming the field, and the unique key customers_workspace_email_key
// decides between two people saving at once. Each write appends its fact (customer.created,
// customer.updated with what each changed field was and is), shown on the customer's timeline.
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/open-database.ts';
import { isUniqueViolation } from '../db/pg-error.ts';
import { customers } from '../db/schema.ts';
import { KeptError, notFound } from '../errors/kept-error.ts';
import { appendEvents } from '../events/append-events.ts';
import type { CustomerField } from '../events/event-types.ts';
import { normalizeEmail, type CustomerRow } from './customer-identity.ts';

export interface CustomerFields {
  name: string;
  email: string | null;
  phone: string | null;
  language: string | null;
}

interface Actor {
  workspaceId: string;
  actorUserId: string;
  now: Date;
}

const EMAIL_KEY = 'customers_workspace_email_key';

/** Creates a customer by hand; 409 `customer.email_taken` when another customer has the address. */
export async function createCustomer(db: Db, actor: Actor, input: Partial<CustomerFields>): Promise<CustomerRow> {
  const fields = tidy({ name: '', email: null, phone: null, language: null, ...input });
  requireContact(fields);
  return emailTakenOnRace(fields.email, () =>
    db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      await assertEmailFree(tx, actor.workspaceId, fields.email);
      const [row] = await tx
        .insert(customers)
        .values({ workspaceId: actor.workspaceId, ...fields, createdAt: actor.now })
        .returning();
      await appendEvents(tx, [
        {
          workspaceId: actor.workspaceId,
          caseId: null,
          customerId: row!.id,
          actorUserId: actor.actorUserId,
          occurredAt: actor.now,
          type: 'customer.created',
          data: fields,
        },
      ]);
      return row!;
    }),
  );
}

/**
 * Changes the fields given (null clears an address, phone or language). Nothing changed, nothing
 * written; a new address also forgets the old one's bounce, which was about that address.
 */
export async function updateCustomer(
  db: Db,
  actor: Actor,
  customerId: string,
  input: Partial<CustomerFields>,
): Promise<CustomerRow> {
  return emailTakenOnRace(input.email ?? null, () =>
    db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const [current] = await tx
        .select()
        .from(customers)
        .where(and(eq(customers.workspaceId, actor.workspaceId), eq(customers.id, customerId)))
        .for('update');
      if (!current) throw notFound('The customer');
      const next = tidy({ ...pick(current), ...input });
      const changes: Partial<Record<CustomerField, { from: string | null; to: string | null }>> = {};
      for (const field of ['name', 'email', 'phone', 'language'] as const) {
        if (next[field] !== current[field]) changes[field] = { from: current[field], to: next[field] };
      }
      if (Object.keys(changes).length === 0) return current;
      requireContact(next);
      if (changes.email) await assertEmailFree(tx, actor.workspaceId, next.email, customerId);
      const [row] = await tx
        .update(customers)
        .set({ ...next, ...(changes.email ? { emailBouncedAt: null, emailBounceReason: null } : {}) })
        .where(eq(customers.id, customerId))
        .returning();
      await appendEvents(tx, [
        {
          workspaceId: actor.workspaceId,
          caseId: null,
          customerId,
          actorUserId: actor.actorUserId,
          occurredAt: actor.now,
          type: 'customer.updated',
          data: { changes },
        },
      ]);
      return row!;
    }),
  );
}

function pick(row: CustomerRow): CustomerFields {
  return { name: row.name, email: row.email, phone: row.phone, language: row.language };
}

/** As intake keeps them: the address lower case, blanks as no value, spaces tidied in the name. */
function tidy(fields: CustomerFields): CustomerFields {
  return {
    name: fields.name.trim().replace(/\s+/g, ' '),
    email: normalizeEmail(fields.email),
    phone: fields.phone?.trim() || null,
    language: fields.language?.trim().toLowerCase() || null,
  };
}

/** Intake tells customers apart by address or phone; a customer with neither could never be found again. */
function requireContact(fields: CustomerFields): void {
  if (!fields.name) throw new KeptError('request.invalid', 'A customer needs a name', { field: 'name' });
  if (!fields.email && !fields.phone) {
    throw new KeptError('request.invalid', 'A customer needs an e-mail address or a phone number', {
      field: 'email',
    });
  }
}

async function assertEmailFree(db: Db, workspaceId: string, email: string | null, exceptId?: string) {
  if (!email) return;
  const [clash] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(
      and(
        eq(customers.workspaceId, workspaceId),
        eq(customers.email, email),
        exceptId ? ne(customers.id, exceptId) : undefined,
      ),
    )
    .limit(1);
  if (clash) throw emailTaken(email);
}

const emailTaken = (email: string) =>
  new KeptError('customer.email_taken', `Another customer already has the address ${email}`, { field: 'email' });

/** Two people saving the same new address at once: the unique key refuses the second, with the same 409. */
async function emailTakenOnRace<T>(email: string | null, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_KEY)) throw emailTaken(normalizeEmail(email) ?? '');
    throw error;
  }
}
