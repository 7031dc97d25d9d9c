import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../src/db/open-database.ts';
import { cases, customers, workspaces } from '../../../src/db/schema.ts';
import { surveyRequests } from '../../../src/db/schema-surveys.ts';
import { signSurveyToken } from '../../../src/surveys/index.ts';

export interface SentSurvey {
  caseId: string;
  surveyId: string;
  token: string;
}

/**
 * A customer with surveys already sent (status `sent`), each about a resolved e-mail case of
 * `ownerId` (or about no case), with its signed answer link: what an answer test starts from.
 */
export async function surveyCustomer(db: Db, input: { workspaceId: string; ownerId: string; now: () => Date }) {
  const [secret] = await db
    .select({ portalSecret: workspaces.portalSecret })
    .from(workspaces)
    .where(eq(workspaces.id, input.workspaceId));
  const [customer] = await db
    .insert(customers)
    .values({
      workspaceId: input.workspaceId,
      name: 'Rina',
      email: `rina-${randomUUID()}@example.test`,
      language: 'en',
    })
    .returning();
  const sentSurvey = async (kind: 'satisfaction' | 'nps', withCase = true): Promise<SentSurvey> => {
    const [c] = await db
      .insert(cases)
      .values({
        workspaceId: input.workspaceId,
        customerId: customer!.id,
        subject: 'Refund',
        status: 'resolved',
        channel: 'email',
        ownerId: input.ownerId,
        category: 'billing',
      })
      .returning();
    const [s] = await db
      .insert(surveyRequests)
      .values({
        workspaceId: input.workspaceId,
        dedupeKey: `${kind}:${c!.id}`,
        kind,
        caseId: withCase ? c!.id : null,
        customerId: customer!.id,
        channel: 'email',
        language: 'en',
        status: 'sent',
        sendAt: input.now(),
        sentAt: input.now(),
      })
      .returning();
    return {
      caseId: c!.id,
      surveyId: s!.id,
      token: signSurveyToken({ id: input.workspaceId, portalSecret: secret!.portalSecret }, s!.id),
    };
  };
  return { customerId: customer!.id, sentSurvey };
}
