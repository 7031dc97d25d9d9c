import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/open-database.ts';
import { customers } from '../../db/schema.ts';
import { outbox } from '../../db/schema-email.ts';
import { appendEvents } from '../../events/append-events.ts';
import type { NewEvent } from '../../events/event-types.ts';
import type { DeskContext } from '../../kernel/desk-context.ts';
import { bareMessageId } from '../thread-ids.ts';
import { parseBounce, type BounceReport } from './parse-bounce.ts';

export interface ApplyBounceResult {
  applied: boolean;
  reason: 'applied' | 'not_a_bounce' | 'not_permanent' | 'unknown_message' | 'already_applied';
  report: BounceReport | null;
  outboxId: string | null;
  customerIds: string[];
}

/**
 * A bounce that came back (a DSN at the SMTP listener, or found by the IMAP poller): the outbox
 * row it answers is marked bounced, the customer's address is flagged so agents see it on the
 * customer and the case, and an `email.bounced` fact is appended. Delays (4.x.x) change nothing.
 * Safe to call twice with the same bounce. Without a matching outbox row, `workspaceId` scopes
 * the address lookup; with neither, nothing is touched.
 */
export async function applyBounce(
  ctx: DeskContext,
  input: Buffer | string | BounceReport,
  options: { workspaceId?: string } = {},
): Promise<ApplyBounceResult> {
  const report = Buffer.isBuffer(input) || typeof input === 'string' ? parseBounce(input) : input;
  const none = (reason: ApplyBounceResult['reason']): ApplyBounceResult => ({
    applied: false,
    reason,
    report,
    outboxId: null,
    customerIds: [],
  });
  if (!report) return none('not_a_bounce');
  const failed = report.recipients.filter((r) => r.action === 'failed');
  if (!report.permanent || failed.length === 0) return none('not_permanent');

  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const now = ctx.now();
    const [row] = report.originalMessageId
      ? await tx
          .select()
          .from(outbox)
          .where(
            and(
              eq(outbox.messageIdHeader, bareMessageId(report.originalMessageId)),
              options.workspaceId ? eq(outbox.workspaceId, options.workspaceId) : undefined,
            ),
          )
          .limit(1)
          .for('update')
      : [];
    const workspaceId = row?.workspaceId ?? options.workspaceId;
    if (!workspaceId) return none('unknown_message');
    if (row?.status === 'bounced') return { ...none('already_applied'), outboxId: row.id };

    const reasonOf = (r: (typeof failed)[number]) =>
      [r.status, r.diagnostic].filter(Boolean).join(' ').slice(0, 500) || 'bounced';
    // The row's own recipient when the report names it; otherwise the report's recipients.
    const matching = row ? failed.filter((r) => r.address === row.toAddress.toLowerCase()) : failed;
    const recipients =
      matching.length > 0 ? matching : row ? [{ ...failed[0]!, address: row.toAddress.toLowerCase() }] : failed;
    if (row) {
      await tx
        .update(outbox)
        .set({ status: 'bounced', bouncedAt: now, bounceReason: reasonOf(recipients[0]!) })
        .where(eq(outbox.id, row.id));
    }
    const events: NewEvent[] = [];
    const customerIds: string[] = [];
    for (const recipient of recipients) {
      const flagged = await tx
        .update(customers)
        .set({ emailBouncedAt: now, emailBounceReason: reasonOf(recipient) })
        .where(and(eq(customers.workspaceId, workspaceId), sql`lower(${customers.email}) = ${recipient.address}`))
        .returning({ id: customers.id });
      customerIds.push(...flagged.map((c) => c.id));
      events.push({
        workspaceId,
        caseId: row?.caseId ?? null,
        customerId: flagged[0]?.id ?? null,
        actorUserId: null,
        occurredAt: now,
        type: 'email.bounced',
        data: {
          outboxId: row?.id ?? null,
          address: recipient.address,
          status: recipient.status,
          diagnostic: recipient.diagnostic,
        },
      });
    }
    if (!row && customerIds.length === 0) return none('unknown_message');
    await appendEvents(tx, events);
    return { applied: true, reason: 'applied', report, outboxId: row?.id ?? null, customerIds };
  });
}
