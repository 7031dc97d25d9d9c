// The survey reports' daily tally (src/surveys/survey-tally.ts, issue 15 "Speed and scale") is a
// derived index: what the sending and answering transactions add to it must equal a recount from
// the facts (the events and survey rows) — after answers, revisions and a rebuild, and the same
// recount as the migration's back-fill — on PGlite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows, type Db } from '../../src/db/open-database.ts';
import { cases, customers, workspaces } from '../../src/db/schema.ts';
import { surveyRequests } from '../../src/db/schema-surveys.ts';
import { answerSurvey, rebuildSurveyTallies, sendSurvey, signSurveyToken } from '../../src/surveys/index.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace } from './support/factories.ts';

async function tallyOf(db: Db, workspaceId: string) {
  const rows = await queryRows<
    { day: unknown; grain: string; dim: string; effort_count: number } & Record<string, unknown>
  >(
    db,
    sql`select * from survey_tallies where workspace_id = ${workspaceId}
      and (surveys, sent, s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7 + s8 + s9 + s10, effort_sum, effort_count) <> (0, 0, 0, 0, 0)
      order by grain, day, kind, dim collate "C", key collate "C"`,
  );
  return rows.map((r) => ({ ...r, day: String(r.day instanceof Date ? r.day.toISOString().slice(0, 10) : r.day) }));
}

/** The back-fill statements of the migration that made the table (days, then months), as applied at upgrade. */
function backFillStatements(): string[] {
  const dir = path.join(import.meta.dirname, '../../src/db/migrations');
  const file = fs.readdirSync(dir).find((f) => f.endsWith('_survey_tallies.sql'))!;
  const statements = fs.readFileSync(path.join(dir, file), 'utf8').split('--> statement-breakpoint');
  return statements.filter((s) => s.includes('INSERT INTO "survey_tallies"'));
}

describeOnEachStore('survey tally', (kept, run) => {
  run('equals a recount from the facts after sends, answers, revisions and a rebuild', async () => {
    const ws = await createTestWorkspace(kept());
    const { db } = kept().store;
    const now = kept().clock.now();
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, ws.id));
    const owners = [ws.agentAr.id, ws.agentEn.id, null];
    const ids: string[] = [];
    for (let i = 0; i < 9; i++) {
      const [customer] = await db
        .insert(customers)
        .values({ workspaceId: ws.id, name: `C${i}`, email: `c${i % 7}x${i}@example.test`, language: 'en' })
        .returning();
      const [c] = await db
        .insert(cases)
        .values({
          workspaceId: ws.id,
          customerId: customer!.id,
          subject: 'Refund',
          status: 'resolved',
          channel: 'email',
          ownerId: owners[i % 3],
          category: i % 2 ? 'billing' : null,
        })
        .returning();
      // Two surveys of one customer in a batch: the second is held back (a `skipped` tally row).
      for (const kind of i === 4 ? (['satisfaction', 'nps'] as const) : (['satisfaction'] as const)) {
        const [s] = await db
          .insert(surveyRequests)
          .values({
            workspaceId: ws.id,
            dedupeKey: `${kind}:${c!.id}`,
            kind,
            caseId: c!.id,
            customerId: customer!.id,
            channel: i % 2 ? 'email' : 'portal',
            language: i % 3 ? 'en' : null,
            askEffort: kind === 'satisfaction',
            sendAt: new Date(now.getTime() - (10 + i) * 60_000),
          })
          .returning();
        ids.push(s!.id);
      }
    }
    await sendSurvey(kept().ctx, { workspaceId: ws.id, surveyId: ids[0]! });
    const sent = await db.select().from(surveyRequests).where(eq(surveyRequests.workspaceId, ws.id));
    expect(sent.filter((s) => s.status === 'skipped').length).toBeGreaterThan(0);
    const answerable = sent.filter((s) => s.status === 'sent');
    const answer = (id: string, input: { score: number; effort?: number; comment?: string }) =>
      answerSurvey(kept().ctx, signSurveyToken(workspace!, id), input);
    for (const [n, s] of answerable.entries()) {
      if (n % 4 === 3) continue; // some stay unanswered
      const effort = s.kind === 'satisfaction' && n % 2 ? { effort: 1 + (n % 7) } : {};
      await answer(s.id, { score: s.kind === 'nps' ? 9 : 1 + (n % 5), ...effort });
      // Revisions: another score, another effort, the same answer again with a comment.
      if (n % 3 === 0)
        await answer(s.id, { score: s.kind === 'nps' ? 3 : 5 - (n % 5), ...(n % 2 ? { effort: 7 } : {}) });
      if (n % 3 === 1) await answer(s.id, { score: s.kind === 'nps' ? 9 : 1 + (n % 5), comment: 'Thanks' });
    }

    const kept1 = await tallyOf(db, ws.id);
    expect(kept1.some((r) => r.dim === 'skipped')).toBe(true);
    expect(kept1.some((r) => r.grain === 'month')).toBe(true);
    expect(kept1.some((r) => Number(r.effort_count) > 0)).toBe(true);
    await rebuildSurveyTallies(db, ws.id);
    expect(await tallyOf(db, ws.id)).toEqual(kept1);
    // The migration's back-fill counts the same (it runs over every workspace: this one's rows replaced).
    await db.execute(sql`delete from survey_tallies`);
    for (const statement of backFillStatements()) await db.execute(sql.raw(statement));
    expect(await tallyOf(db, ws.id)).toEqual(kept1);
  });
});
