import { and, desc, eq, inArray } from 'drizzle-orm';
import { normalizeEmail, type CustomerIdentity } from '../../customers/index.ts';
import type { Db } from '../../db/open-database.ts';
import { cases, customers } from '../../db/schema.ts';
import { KeptError } from '../../errors/kept-error.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { LOGGED_CHANNELS, OPEN_CASE_STATUSES } from '../../kernel/domain-words.ts';
import { receiveCustomerMessage, type ReceiveMessageInput } from './receive-customer-message.ts';

export interface RecordContactInput extends Omit<ReceiveMessageInput, 'caseId' | 'customer' | 'prefetched'> {
  customer: CustomerIdentity;
  /** The agent says this contact is about something else: it opens a case of its own. */
  newTopic: boolean;
}

/**
 * A contact recorded by staff (`POST /cases`). A logged call, voicemail, letter or fax from a
 * customer who already has an open case goes onto that case — the most recently active one — so
 * that "one case per customer" does not depend on the agent remembering to look it up. Only
 * `newTopic` opens a second case. Other channels keep opening a case, as integrations expect.
 */
export async function recordStaffContact(ctx: DeskContext, input: RecordContactInput) {
  const { newTopic, ...message } = input;
  const caseId =
    !newTopic && LOGGED_CHANNELS.includes(input.channel)
      ? await findOpenCase(ctx.db, input.workspaceId, input.customer)
      : null;
  const received = await receiveCustomerMessage(ctx, caseId ? { ...message, caseId } : message);
  return { ...received, threadedOntoOpenCase: caseId !== null };
}

/** The customer's most recently active open case, by id, then e-mail, then phone (as intake matches). */
async function findOpenCase(db: Db, workspaceId: string, who: CustomerIdentity): Promise<string | null> {
  const email = normalizeEmail(who.email);
  const phone = who.phone?.trim();
  const match = who.id
    ? eq(customers.id, who.id)
    : email
      ? eq(customers.email, email)
      : phone
        ? eq(customers.phone, phone)
        : null;
  if (!match)
    throw new KeptError('request.invalid', 'A customer needs an e-mail address or a phone number', {
      field: 'customer.email',
    });
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(customers, and(eq(customers.workspaceId, cases.workspaceId), eq(customers.id, cases.customerId)))
    .where(and(eq(cases.workspaceId, workspaceId), match, inArray(cases.status, [...OPEN_CASE_STATUSES])))
    .orderBy(desc(cases.updatedAt))
    .limit(1);
  return row?.id ?? null;
}
