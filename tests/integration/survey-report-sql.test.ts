// The survey reports count in SQL (src/surveys/survey-aggregates.ts, issue 15 "Speed and scale"):
// their figures must be those of the facts loaded one by one into Node, as before — on a mix of
// sent, skipped, unanswered, revised, NPS and out-of-period surveys, with missing teams, kinds and
// languages — on PGlite and PostgreSQL.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import type { SurveyGroupRow } from '../../src/contract/survey-types.ts';
import { cases, customers, events } from '../../src/db/schema.ts';
import { perceptionRatings, surveyRequests } from '../../src/db/schema-surveys.ts';
import {
  consistencyReport,
  perceptionGap,
  rebuildSurveyTallies,
  SURVEY_GROUPINGS,
  surveyReport,
} from '../../src/surveys/index.ts';
import { leastConsistent, netPromoterScore, spreadOf } from '../../src/surveys/survey-figures.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace } from './support/factories.ts';
import { groupKey, loadSurveyFacts, type SurveyFact } from './support/survey-reference.ts';

const FROM = new Date('2026-04-01T00:00:00Z');
const TO = new Date('2026-07-01T00:00:00Z');

/** The report's satisfaction rows as the facts give them (the code before the SQL). */
function referenceRows(facts: SurveyFact[], by: (typeof SURVEY_GROUPINGS)[number]) {
  const groups = new Map<string, SurveyFact[]>();
  for (const f of facts.filter((x) => x.kind === 'satisfaction'))
    groups.set(groupKey(f, by), [...(groups.get(groupKey(f, by)) ?? []), f]);
  return new Map(
    [...groups].map(([key, list]) => {
      const sent = list.filter((f) => f.sentAt);
      const scores = sent.filter((f) => f.score !== null).map((f) => f.score!);
      return [key, { sent: sent.length, answered: scores.length, spread: spreadOf(scores) }];
    }),
  );
}

describeOnEachStore('survey reports in SQL', (kept, run) => {
  run('give the figures of the facts one by one', async () => {
    const ws = await createTestWorkspace(kept());
    const db = kept().store.db;
    const owners = [ws.agentAr.id, ws.agentEn.id, ws.agentRu.id, null];
    const [customer] = await db
      .insert(customers)
      .values({ workspaceId: ws.id, name: 'Rana', email: 'rana@example.test', language: 'ar' })
      .returning();
    const rows: Array<typeof events.$inferInsert> = [];
    const requests: Array<typeof surveyRequests.$inferInsert> = [];
    let seed = 11;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 120; i++) {
      const [caseRow] = await db
        .insert(cases)
        .values({
          workspaceId: ws.id,
          customerId: customer!.id,
          subject: `Case ${i}`,
          status: 'closed',
          channel: 'email',
        })
        .returning();
      const kind = i % 6 === 0 ? 'nps' : 'satisfaction';
      const facts = {
        surveyId: crypto.randomUUID(),
        kind,
        channel: ['email', 'portal', 'chat'][next(3)]!,
        language: [null, 'ar', 'en'][next(3)] ?? null,
        ownerId: owners[next(4)] ?? null,
        teamId: null,
        caseKind: [null, 'billing', 'delivery'][next(3)] ?? null,
      };
      // From late March (before the period) to early July (after it), at every hour of the day.
      const decided = new Date(FROM.getTime() + (next(110) - 8) * 86_400_000 + i * 11 * 60_000);
      const base = { workspaceId: ws.id, caseId: caseRow!.id, customerId: customer!.id, actorUserId: null };
      // The survey's row, as the sender and the answers write it: the reports' tally reads the latest answer there.
      const request: typeof surveyRequests.$inferInsert = {
        id: facts.surveyId,
        workspaceId: ws.id,
        dedupeKey: `case:${caseRow!.id}`,
        kind,
        caseId: caseRow!.id,
        customerId: customer!.id,
        channel: facts.channel,
        language: facts.language,
        status: 'sent',
        sendAt: decided,
        sentAt: decided,
      };
      requests.push(request);
      if (i % 9 === 4) {
        Object.assign(request, { status: 'skipped', skipReason: 'opted_out', sentAt: null });
        rows.push({ ...base, type: 'survey.skipped', occurredAt: decided, data: { ...facts, reason: 'opted_out' } });
        continue;
      }
      rows.push({ ...base, type: 'survey.sent', occurredAt: decided, data: facts });
      const answers = next(3); // none, one, or one and a revision
      for (let a = 0; a < answers; a++) {
        const score = kind === 'nps' ? next(11) : 1 + next(5);
        const comment = [null, '', `comment ${i}.${a}`][next(3)] ?? null;
        const at = new Date(decided.getTime() + (a + 1) * 3_600_000);
        const data = { ...facts, score, effort: next(2) ? 1 + next(7) : null, comment, revised: a > 0 };
        rows.push({ ...base, type: 'survey.answered', occurredAt: at, data: { ...data, followUpTaskId: null } });
        Object.assign(request, { status: 'answered', score, effort: data.effort, comment, answeredAt: at });
      }
    }
    await db.insert(events).values(rows);
    await db.insert(surveyRequests).values(requests);
    await rebuildSurveyTallies(db, ws.id);
    await db.insert(perceptionRatings).values([
      { workspaceId: ws.id, period: '2026-Q2', areaKind: 'overall', areaKey: '', rating: 4 },
      { workspaceId: ws.id, period: '2026-Q2', areaKind: 'channel', areaKey: 'chat', rating: 5 },
      { workspaceId: ws.id, period: '2026-Q2', areaKind: 'touchpoint', areaKey: 'billing', rating: 3 },
    ]);

    // Whole UTC months and days come from the tally; a period starting or ending within a day reads its edges live.
    const ranges: Array<[Date, Date]> = [
      [FROM, TO],
      [new Date(FROM.getTime() + 5 * 3_600_000), new Date(TO.getTime() - 3 * 3_600_000)],
      [new Date(FROM.getTime() + 3_600_000), new Date(FROM.getTime() + 20 * 3_600_000)],
      // Edges counted live (short) or as the edge day's row less the rest of the day (long), both ends.
      [new Date(FROM.getTime() + 15 * 3_600_000), new Date(TO.getTime() - 20 * 3_600_000)],
      [new Date(FROM.getTime() + 20 * 3_600_000), new Date(FROM.getTime() + 30 * 3_600_000)],
    ];
    for (const [from, to] of ranges) {
      const facts = await loadSurveyFacts(db, ws.id, from, to);
      const report = await surveyReport(db, { workspaceId: ws.id, from, to, now: to });
      const byKey = (list: SurveyGroupRow[]) => new Map(list.map((g) => [g.key, g]));
      const lists = {
        team: report.byTeam,
        owner: report.byOwner,
        channel: report.byChannel,
        language: report.byLanguage,
        caseKind: report.byCaseKind,
        month: report.byMonth,
      };
      for (const by of SURVEY_GROUPINGS) {
        const expected = referenceRows(facts, by);
        const got = byKey(lists[by]);
        expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [key, e] of expected) {
          const g = got.get(key)!;
          expect({ sent: g.sent, answered: g.answered }).toEqual({ sent: e.sent, answered: e.answered });
          if (e.spread.mean === null) expect(g.meanScore).toBeNull();
          else expect(g.meanScore).toBeCloseTo(e.spread.mean, 9);
        }
        const spread = await consistencyReport(db, { workspaceId: ws.id, from, to, by });
        const answeredGroups = [...expected].filter(([, e]) => e.answered > 0);
        expect(spread.groups.map((g) => g.key).sort()).toEqual(answeredGroups.map(([k]) => k).sort());
        for (const g of spread.groups) {
          const e = expected.get(g.key)!.spread;
          expect([g.n, g.min, g.q1, g.median, g.q3, g.max, g.iqr]).toEqual([
            e.n,
            e.min,
            e.q1,
            e.median,
            e.q3,
            e.max,
            e.iqr,
          ]);
          if (e.sd === null) expect(g.sd).toBeNull();
          else expect(g.sd).toBeCloseTo(e.sd, 9);
        }
        const least = leastConsistent(answeredGroups.map(([key, e]) => ({ key, figures: e.spread })));
        expect(spread.leastConsistent).toEqual(least.map((g) => g.key));
      }
      const satisfaction = facts.filter((f) => f.kind === 'satisfaction');
      expect(report.overall.sent).toBe(satisfaction.filter((f) => f.sentAt).length);
      const nps = facts.filter((f) => f.kind === 'nps' && f.sentAt);
      const npsScores = nps.filter((f) => f.score !== null).map((f) => f.score!);
      expect(report.nps).toMatchObject({
        sent: nps.length,
        answered: npsScores.length,
        score: netPromoterScore(npsScores),
      });
      const skips = facts.filter((f) => f.skipReason).length;
      expect(report.skipped).toEqual(skips ? [{ reason: 'opted_out', count: skips }] : []);
      const comments = satisfaction
        .concat(nps)
        .filter((f) => f.comment && f.answeredAt)
        .sort((a, b) => b.answeredAt!.getTime() - a.answeredAt!.getTime());
      expect(report.comments.map((c) => c.comment)).toEqual(comments.slice(0, 50).map((f) => f.comment));
    }
    const satisfaction = (await loadSurveyFacts(db, ws.id, FROM, TO)).filter((f) => f.kind === 'satisfaction');
    const gap = await perceptionGap(db, { workspaceId: ws.id, period: '2026-Q2' });
    const scored = satisfaction.filter((f) => f.score !== null);
    const share = (list: SurveyFact[]) => (list.length ? list.filter((f) => f.score! >= 4).length / list.length : null);
    expect(gap.headline.answers).toBe(scored.length);
    expect(gap.headline.customerShareGood).toBeCloseTo(share(scored)!, 9);
    const area = (key: string) => gap.areas.find((a) => a.areaKey === key)!;
    expect(area('chat').answers).toBe(scored.filter((f) => f.channel === 'chat').length);
    expect(area('billing').answers).toBe(scored.filter((f) => f.caseKind === 'billing').length);
    expect(area('').answers).toBe(scored.length);
  });
});
