/**
 * PROTOTYPE, bench only: receiveCustomerMessage (src/cases/receive-customer-message.ts) with the
 * same rules and the same rows written, in fewer round trips. Used by the `merged` variant of
 * bench/inbound-messages.ts to measure what merging statements would gain. Not used by Kept.
 *
 * Round trips inside the transaction (PostgreSQL), common path (web/e-mail/chat, no supervisor phrase):
 *   threaded:  original 10 (+1 customer-id lookup in the route)  → here 4:
 *              1 select case ⨝ customer + open first-response promise + first acknowledgement (for update of the case)
 *              2 update case (status, last message, last acknowledged — decided in JS from row 1)
 *              3 one statement: insert message + acknowledgement + events (data-modifying CTEs)
 *              4 pg-boss send (case-assess-hell)
 *   new case:  original 15–17 → here 7:
 *              1 customer upsert (insert … on conflict (workspace_id, email) do update … returning)
 *              2 owner candidates with their open-case load (as pickIntakeOwner)
 *              3 insert case (last_acknowledged_at set at once)
 *              4 one statement: insert message + acknowledgement + promise + 5 events
 *              5–7 pg-boss sends (promise reminder, promise due, case-assess-hell)
 * plus begin/commit. Rare paths (supervisor phrase, phone/letter/fax task, no e-mail) fall back
 * to the original function.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { shouldAcknowledge } from '../../src/acknowledgements/acknowledgement-window.ts';
import { renderAcknowledgement } from '../../src/acknowledgements/acknowledgement-text.ts';
import { pickIntakeOwner } from '../../src/cases/assign-intake-owner.ts';
import { caseReference } from '../../src/cases/case-reference.ts';
import { statusAfterCustomerMessage } from '../../src/cases/case-status.ts';
import { receiveCustomerMessage, type ReceiveMessageInput } from '../../src/cases/receive-customer-message.ts';
import { normalizeEmail } from '../../src/customers/find-or-create-customer.ts';
import { type Db, type Store } from '../../src/db/open-database.ts';
import { cases, customers } from '../../src/db/schema.ts';
import { KeptError, notFound } from '../../src/errors/kept-error.ts';
import { detectSupervisorRequest } from '../../src/escalations/supervisor-request-phrases.ts';
import { DELIVERABLE_CHANNELS, type NewEvent } from '../../src/events/event-types.ts';
import type { DeskContext } from '../../src/jobs/desk-context.ts';
import { TIMER } from '../../src/jobs/timer-names.ts';
import { detectLanguage } from '../../src/language/detect-language.ts';
import { schedulePromiseTimers } from '../../src/promises/make-promise.ts';
import { assertDueInFuture } from '../../src/promises/promise-rules.ts';
import { portalUrlFor } from '../../src/portal/portal-token.ts';
import { loadWorkspace } from '../../src/workspaces/load-workspace.ts';

type CaseRow = typeof cases.$inferSelect;
type CustomerRow = typeof customers.$inferSelect;

const iso = (d: Date) => d.toISOString();

function eventValues(events: NewEvent[]) {
  return sql.join(
    events.map(
      (e) =>
        sql`(${e.workspaceId}::uuid, ${e.caseId}::uuid, ${e.customerId}::uuid, ${e.type}, ${e.actorUserId}::uuid, ${JSON.stringify(e.data)}::jsonb, ${iso(e.occurredAt)}::timestamptz)`,
    ),
    sql`, `,
  );
}

export async function receiveCustomerMessageMerged(ctx: DeskContext, _store: Store, input: ReceiveMessageInput & { caseId?: string }) {
  const body = input.body.trim();
  if (body.length === 0) throw new KeptError('request.invalid', 'The message is empty', { field: 'body' });
  const email = normalizeEmail(input.customer!.email);
  if (
    detectSupervisorRequest(body).requested ||
    !DELIVERABLE_CHANNELS.includes(input.channel) ||
    input.channel === 'email' ||
    (!input.caseId && !email)
  ) {
    if (input.caseId && !input.customer!.id) {
      const [row] = await ctx.db.select({ customerId: cases.customerId }).from(cases).where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId)));
      if (!row) throw notFound('The case');
      return receiveCustomerMessage(ctx, { ...input, customer: { id: row.customerId } });
    }
    return receiveCustomerMessage(ctx, input);
  }
  const workspace = await loadWorkspace(ctx.db, input.workspaceId);
  const settings = workspace.settings;
  const detected = detectLanguage(body);

  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const messageId = randomUUID();
    const events: NewEvent[] = [];
    let caseRow: CaseRow;
    let customer: CustomerRow;
    let openPromise: { id: string; dueAt: Date } | null = null;
    let firstAckId: string | null = null;
    let opened = false;

    if (input.caseId) {
      // 1: the case (locked, as the original's update would), its customer, its open
      //    first-response promise and its first acknowledgement, in one statement.
      const [row] = await tx
        .select({
          c: cases,
          cu: customers,
          promiseId: sql<string | null>`(select p.id from promises p where p.case_id = ${cases.id} and p.kind = 'first_response' and p.status = 'open' limit 1)`,
          promiseDue: sql<string | null>`(select p.due_at from promises p where p.case_id = ${cases.id} and p.kind = 'first_response' and p.status = 'open' limit 1)`,
          firstAckId: sql<string | null>`(select a.id from acknowledgements a where a.case_id = ${cases.id} order by a.created_at limit 1)`,
        })
        .from(cases)
        .innerJoin(customers, eq(customers.id, cases.customerId))
        .where(and(eq(cases.workspaceId, workspace.id), eq(cases.id, input.caseId)))
        .for('update', { of: cases });
      if (!row) throw notFound('The case');
      if (input.customer!.id && row.c.customerId !== input.customer!.id) {
        throw new KeptError('request.invalid', 'The message is not from this case’s customer', { field: 'customer' });
      }
      customer = row.cu;
      openPromise = row.promiseId ? { id: row.promiseId, dueAt: new Date(row.promiseDue!) } : null;
      firstAckId = row.firstAckId;
      caseRow = row.c;
    } else {
      // 1: find or create the customer by e-mail, with the language rule, in one upsert.
      const insertLanguage = detected.language && (!input.customer!.language || detected.confidence >= 0.5) ? detected.language : (input.customer!.language ?? null);
      const name = input.customer!.name?.trim() || email!;
      [customer] = (await tx
        .insert(customers)
        .values({ workspaceId: workspace.id, name, email, phone: input.customer!.phone ?? null, language: insertLanguage })
        .onConflictDoUpdate({
          target: [customers.workspaceId, customers.email],
          set: {
            language: sql`case when ${detected.language}::text is not null and ${customers.language} is distinct from ${detected.language}::text
                                and (${customers.language} is null or ${detected.confidence}::float8 >= 0.5)
                           then ${detected.language}::text else ${customers.language} end`,
          },
        })
        .returning()) as [CustomerRow];
      caseRow = undefined as unknown as CaseRow;
    }
    // The original's language rule, on a threaded message (rarely true).
    if (input.caseId && detected.language && customer.language !== detected.language && (!customer.language || detected.confidence >= 0.5)) {
      [customer] = (await tx.update(customers).set({ language: detected.language }).where(eq(customers.id, customer.id)).returning()) as [CustomerRow];
    }
    const language = customer.language ?? detected.language;
    const base = { workspaceId: workspace.id, customerId: customer.id, actorUserId: input.loggedByUserId ?? null, occurredAt: now };

    let acknowledge: boolean;
    if (input.caseId) {
      acknowledge = shouldAcknowledge(caseRow.lastAcknowledgedAt, now, settings.acknowledgementWindowMinutes);
      const previousStatus = caseRow.status;
      const nextStatus = statusAfterCustomerMessage(previousStatus);
      // 2: one update of the case, acknowledgement time included.
      [caseRow] = (await tx
        .update(cases)
        .set({ status: nextStatus, lastCustomerMessageAt: now, updatedAt: now, ...(acknowledge ? { lastAcknowledgedAt: now } : {}) })
        .where(eq(cases.id, caseRow.id))
        .returning()) as [CaseRow];
      if (nextStatus !== previousStatus) {
        events.push({ ...base, caseId: caseRow.id, type: 'case.status_changed', data: { from: previousStatus, to: nextStatus } });
      }
    } else {
      acknowledge = true; // a new case was never acknowledged
    }
    if (!input.caseId) {
      // 2: owner; 3: the case.
      const owner = await pickIntakeOwner(tx, workspace.id, language);
      if (!owner) throw new KeptError('case.no_owner_available', 'The workspace has no active staff to own the case');
      const subject = (input.subject?.trim() || body.split('\n')[0]!).slice(0, 200);
      [caseRow] = (await tx
        .insert(cases)
        .values({
          workspaceId: workspace.id,
          customerId: customer.id,
          subject,
          status: 'new',
          channel: input.channel,
          language,
          ownerId: owner.userId,
          lastCustomerMessageAt: now,
          lastAcknowledgedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning()) as [CaseRow];
      opened = true;
      events.push(
        { ...base, caseId: caseRow.id, type: 'case.opened', data: { channel: input.channel, subject } },
        { ...base, caseId: caseRow.id, type: 'case.assigned', data: { toUserId: owner.userId, reason: owner.reason } },
      );
    }
    const reference = caseReference(caseRow.number);
    const ownerId = caseRow.ownerId!;
    events.push({ ...base, caseId: caseRow.id, type: 'message.received', data: { messageId, channel: input.channel } });

    const promisedBy = openPromise?.dueAt ?? new Date(now.getTime() + settings.firstResponseMinutes * 60_000);
    const ackBase = { workspaceId: workspace.id, caseId: caseRow.id, customerId: caseRow.customerId, actorUserId: null, occurredAt: now };
    const parts = [
      sql`m as (insert into messages (id, workspace_id, case_id, customer_id, direction, channel, body, language, author_user_id, created_at)
               values (${messageId}::uuid, ${workspace.id}::uuid, ${caseRow.id}::uuid, ${customer.id}::uuid, 'inbound', ${input.channel}, ${body}, ${detected.language}, ${input.loggedByUserId ?? null}::uuid, ${iso(now)}::timestamptz))`,
    ];
    let promiseId: string | null = null;
    let ackResult: { id: string; text: string; delivered: boolean; language: string } | null = null;
    if (acknowledge) {
      const rendered = renderAcknowledgement({
        language: customer.language ?? workspace.defaultLanguage,
        customerName: customer.name,
        reference,
        promisedBy,
        timeZone: workspace.timeZone,
        workspaceName: workspace.name,
        portalUrl: portalUrlFor(ctx.publicUrl, workspace, customer.id),
      });
      const ackId = randomUUID();
      ackResult = { id: ackId, text: rendered.text, delivered: true, language: rendered.language };
      parts.push(
        sql`a as (insert into acknowledgements (id, workspace_id, case_id, message_id, reference, promised_by, language, channel, subject, body, delivered, created_at)
                 select ${ackId}::uuid, ${workspace.id}::uuid, ${caseRow.id}::uuid, ${messageId}::uuid, ${reference}, ${iso(promisedBy)}::timestamptz, ${rendered.language}, ${input.channel}, ${rendered.subject}, ${rendered.text}, true, ${iso(now)}::timestamptz)`,
      );
      events.push({
        ...ackBase,
        type: 'acknowledgement.sent',
        data: { acknowledgementId: ackId, messageId, reference, promisedBy: iso(promisedBy), channel: input.channel, delivered: true },
      });
      if (!openPromise) {
        assertDueInFuture(promisedBy, now);
        promiseId = randomUUID();
        parts.push(
          sql`p as (insert into promises (id, workspace_id, case_id, customer_id, owner_id, kind, channel, description, due_at, created_at)
                   values (${promiseId}::uuid, ${workspace.id}::uuid, ${caseRow.id}::uuid, ${customer.id}::uuid, ${ownerId}::uuid, 'first_response', ${input.channel}, ${`First answer to ${reference}`}, ${iso(promisedBy)}::timestamptz, ${iso(now)}::timestamptz))`,
        );
        events.push({
          workspaceId: workspace.id,
          caseId: caseRow.id,
          customerId: customer.id,
          type: 'promise.made',
          actorUserId: null,
          data: { promiseId, kind: 'first_response', dueAt: iso(promisedBy), channel: input.channel, ownerId },
          occurredAt: now,
        });
      }
    } else {
      events.push({ ...ackBase, type: 'acknowledgement.suppressed', data: { messageId, previousAcknowledgementId: firstAckId ?? '' } });
    }
    // 3 (threaded) / 4 (new): everything above in one statement.
    await tx.execute(
      sql`with ${sql.join(parts, sql`, `)} insert into events (workspace_id, case_id, customer_id, type, actor_user_id, data, occurred_at) values ${eventValues(events)}`,
    );

    if (promiseId) await schedulePromiseTimers({ ...ctx, db: tx }, workspace.id, promiseId, now, promisedBy, settings.promiseReminderMinutes);
    await ctx.timers.schedule(tx, { name: TIMER.caseAssessHell, payload: { workspaceId: workspace.id, caseId: caseRow.id }, startAfter: now });
    return { caseRow, customer, messageId, reference, opened, acknowledgement: ackResult, escalation: null };
  });
}
