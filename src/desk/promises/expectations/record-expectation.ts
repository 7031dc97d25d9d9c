import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../../db/open-database.ts';
import { acknowledgements, cases, workspaces } from '../../../db/schema.ts';
import { customerExpectations } from '../../../db/schema-promises.ts';
import { KeptError, notFound } from '../../../errors/kept-error.ts';
import { caseReference } from '../../../kernel/case-reference.ts';
import type { ExpectationPageResponse } from '../../../contract/promise-api-types.ts';
import { expectationSignatureValid, readExpectationToken } from '../../../portal/index.ts';
import { expectedByOf, type ExpectationChoiceValue } from './expectation-choice.ts';

export interface ExpectationInput {
  workspaceId: string;
  caseId: string;
  choice?: ExpectationChoiceValue;
  expectedBy?: Date;
  source: 'portal_form' | 'expect_link';
  now: Date;
  timeZone: string;
}

/** Stores what the customer expects; a later answer for the same case replaces nothing, it is appended (the report reads the latest). */
export async function recordExpectation(db: Db, input: ExpectationInput) {
  if (!input.choice && !input.expectedBy)
    throw new KeptError('request.invalid', 'Choose when you expect an answer', { field: 'choice' });
  const expectedBy = input.expectedBy ?? expectedByOf(input.choice!, input.now, input.timeZone);
  if (Number.isNaN(expectedBy.getTime()))
    throw new KeptError('request.invalid', 'The expected time is not a valid date', { field: 'expectedBy' });
  const [caseRow] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, input.workspaceId), eq(cases.id, input.caseId)));
  if (!caseRow) throw notFound('The request');
  const [row] = await db
    .insert(customerExpectations)
    .values({
      workspaceId: input.workspaceId,
      caseId: caseRow.id,
      customerId: caseRow.customerId,
      channel: caseRow.channel,
      language: caseRow.language,
      choice: input.choice ?? 'exact',
      expectedBy,
      source: input.source,
      createdAt: input.now,
    })
    .returning();
  return row!;
}

/** The one-question page's link: signed, naming the workspace and the case. */
export async function verifyExpectationLink(db: Db, token: string) {
  const invalid = new KeptError('portal.invalid_link', 'This link is not valid; use the latest link we sent you');
  const claim = readExpectationToken(token);
  if (!claim) throw invalid;
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, claim.workspaceId));
  if (!workspace || !expectationSignatureValid(workspace, claim.payload, claim.signature)) throw invalid;
  const [caseRow] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.workspaceId, workspace.id), eq(cases.id, claim.caseId)));
  if (!caseRow) throw invalid;
  return { workspace, caseRow };
}

export async function expectationPage(db: Db, token: string): Promise<ExpectationPageResponse> {
  const { workspace, caseRow } = await verifyExpectationLink(db, token);
  const [[ack], [answered]] = await Promise.all([
    db
      .select({ promisedBy: acknowledgements.promisedBy })
      .from(acknowledgements)
      .where(eq(acknowledgements.caseId, caseRow.id))
      .orderBy(desc(acknowledgements.createdAt))
      .limit(1),
    db
      .select()
      .from(customerExpectations)
      .where(eq(customerExpectations.caseId, caseRow.id))
      .orderBy(desc(customerExpectations.createdAt))
      .limit(1),
  ]);
  return {
    workspaceName: workspace.name,
    reference: caseReference(caseRow.number),
    language: caseRow.language,
    promisedBy: ack?.promisedBy.toISOString() ?? null,
    answered: answered ? { choice: answered.choice, expectedBy: answered.expectedBy.toISOString() } : null,
  };
}
