import { and, asc, desc, eq } from 'drizzle-orm';
import type { PortalCaseView, PortalSessionResponse } from '../contract/api-types.ts';
import { caseReference } from '../kernel/case-reference.ts';
import type { Db } from '../db/open-database.ts';
import { acknowledgements, cases, customers, escalations, messages, users, workspaces } from '../db/schema.ts';
import { KeptError, notFound } from '../errors/kept-error.ts';
import { loadLinkedWorkspace, type WorkspaceRow } from '../workspaces/index.ts';
import { portalSignatureValid, readPortalToken } from '../portal/index.ts';
import { waitingSurveysOf } from '../surveys/index.ts';

export async function workspaceBySlug(db: Db, slug: string): Promise<WorkspaceRow> {
  const [row] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
  if (!row) throw notFound('The support portal');
  return row;
}

export function reachAHuman(workspace: WorkspaceRow) {
  return {
    phone: workspace.settings.supportPhone,
    email: workspace.settings.supportEmail,
    hours: workspace.settings.supportHours,
  };
}

/** A signed link is the customer's only key: a forged or altered one is refused. */
export async function verifyPortalSession(db: Db, token: string) {
  const claim = readPortalToken(token);
  const invalid = new KeptError('portal.invalid_link', 'This link is not valid; use the latest link we sent you');
  if (!claim) throw invalid;
  const workspace = await loadLinkedWorkspace(db, claim.workspaceId, invalid);
  if (!portalSignatureValid(workspace, claim.payload, claim.signature)) throw invalid;
  const [customer] = await db
    .select()
    .from(customers)
    .where(and(eq(customers.workspaceId, workspace.id), eq(customers.id, claim.customerId)));
  if (!customer) throw invalid;
  return { workspace, customer };
}

export async function loadPortalCase(
  db: Db,
  workspaceId: string,
  customerId: string,
  caseId: string,
): Promise<PortalCaseView> {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, workspaceId), eq(cases.customerId, customerId), eq(cases.id, caseId)));
  if (!row) throw notFound('The request');
  return (await presentPortalCases(db, [row]))[0]!;
}

async function presentPortalCases(db: Db, rows: Array<typeof cases.$inferSelect>): Promise<PortalCaseView[]> {
  return Promise.all(
    rows.map(async (row) => {
      const [messageRows, lastAck, escalation] = await Promise.all([
        db
          .select({
            id: messages.id,
            direction: messages.direction,
            body: messages.body,
            createdAt: messages.createdAt,
            authorName: users.name,
          })
          .from(messages)
          .leftJoin(users, eq(users.id, messages.authorUserId))
          .where(and(eq(messages.caseId, row.id), eq(messages.internal, false)))
          .orderBy(asc(messages.createdAt)),
        db
          .select({ promisedBy: acknowledgements.promisedBy })
          .from(acknowledgements)
          .where(eq(acknowledgements.caseId, row.id))
          .orderBy(desc(acknowledgements.createdAt))
          .limit(1),
        db
          .select({ status: escalations.status })
          .from(escalations)
          .where(eq(escalations.caseId, row.id))
          .orderBy(desc(escalations.createdAt))
          .limit(1),
      ]);
      return {
        id: row.id,
        reference: caseReference(row.number),
        subject: row.subject,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        promisedBy: lastAck[0]?.promisedBy.toISOString() ?? null,
        messages: messageRows.map((m) => ({
          id: m.id,
          direction: m.direction,
          body: m.body,
          createdAt: m.createdAt.toISOString(),
          // Staff are shown by first name only; customers see who answered, not internal details.
          authorName: m.direction === 'inbound' ? '' : ((m.authorName ?? '').split(' ')[0] ?? ''),
        })),
        supervisorRequested: escalation.length > 0,
        escalationStatus: escalation[0]?.status ?? null,
      };
    }),
  );
}

export async function getPortalSession(db: Db, token: string, now: Date): Promise<PortalSessionResponse> {
  const { workspace, customer } = await verifyPortalSession(db, token);
  const rows = await db
    .select()
    .from(cases)
    .where(eq(cases.customerId, customer.id))
    .orderBy(desc(cases.createdAt))
    .limit(100);
  return {
    workspaceName: workspace.name,
    customer: { name: customer.name, language: customer.language },
    cases: await presentPortalCases(db, rows),
    surveys: await waitingSurveysOf(db, workspace, customer.id, now),
    reachAHuman: reachAHuman(workspace),
  };
}
