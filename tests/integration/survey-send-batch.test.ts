// The survey sender decides the workspace's due surveys together (issue 15, "Speed and scale"):
// one job's transaction sends the others that are due too, a customer's second survey in the same
// batch is still held by the 30-day rule, and the others' own jobs then find them done — on
// PGlite and PostgreSQL.
import { and, eq } from 'drizzle-orm';
import { expect } from 'vitest';
import { cases, customers, events } from '../../src/db/schema.ts';
import { outbox } from '../../src/db/schema-email.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { sendSurvey } from '../../src/surveys/index.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace } from './support/factories.ts';

describeOnEachStore('survey sender batch', (kept, run) => {
  run('sends the due surveys of the workspace in one go, a customer once', async () => {
    const ws = await createTestWorkspace(kept());
    const { db } = kept().store;
    const now = kept().clock.now();
    const customer = async (name: string) =>
      (
        await db
          .insert(customers)
          .values({ workspaceId: ws.id, name, email: `${name.toLowerCase()}@example.test`, language: 'en' })
          .returning()
      )[0]!;
    const [lena, omar] = [await customer('Lena'), await customer('Omar')];
    const due = async (customerId: string, minutesAgo: number) => {
      const [c] = await db
        .insert(cases)
        .values({ workspaceId: ws.id, customerId, subject: 'Refund', status: 'resolved', channel: 'email' })
        .returning();
      const [s] = await db
        .insert(surveyRequests)
        .values({
          workspaceId: ws.id,
          dedupeKey: `case:${c!.id}`,
          kind: 'satisfaction',
          caseId: c!.id,
          customerId,
          channel: 'email',
          language: 'en',
          sendAt: new Date(now.getTime() - minutesAgo * 60_000),
        })
        .returning();
      return s!.id;
    };
    const first = await due(lena.id, 30);
    const second = await due(lena.id, 20);
    const other = await due(omar.id, 10);
    const later = await due(omar.id, -60); // not due yet: stays scheduled

    expect(await sendSurvey(kept().ctx, { workspaceId: ws.id, surveyId: first })).toEqual({ outcome: 'sent' });
    const rows = await db.select().from(surveyRequests).where(eq(surveyRequests.workspaceId, ws.id));
    const status = new Map(rows.map((r) => [r.id, [r.status, r.skipReason]]));
    expect(status.get(first)).toEqual(['sent', null]);
    expect(status.get(second)).toEqual(['skipped', 'recently_surveyed']);
    expect(status.get(other)).toEqual(['sent', null]);
    expect(status.get(later)).toEqual(['scheduled', null]);
    const mail = await db
      .select()
      .from(outbox)
      .where(and(eq(outbox.workspaceId, ws.id), eq(outbox.kind, 'message')));
    expect(mail.map((m) => m.toAddress).sort()).toEqual(['lena@example.test', 'omar@example.test']);
    const types = (await db.select().from(events).where(eq(events.workspaceId, ws.id)))
      .map((e) => e.type)
      .filter((t) => t.startsWith('survey.'))
      .sort();
    expect(types).toEqual(['survey.sent', 'survey.sent', 'survey.skipped']);
    // The other surveys' own jobs find them decided.
    expect(await sendSurvey(kept().ctx, { workspaceId: ws.id, surveyId: second })).toEqual({ outcome: 'done' });
    expect(await sendSurvey(kept().ctx, { workspaceId: ws.id, surveyId: other })).toEqual({ outcome: 'done' });
  });
});
