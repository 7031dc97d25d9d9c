import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { ExpectationGapRow, ExpectationReportResponse } from '../../../contract/promise-api-types.ts';
import type { Db } from '../../../db/open-database.ts';
import { cases, messages } from '../../../db/schema.ts';
import { customerExpectations, promiseDurations } from '../../../db/schema-promises.ts';
import { percentile } from '../capability/percentile.ts';

interface GapFact {
  channel: string;
  language: string;
  choice: string;
  expectedMinutes: number;
  /** null while unanswered and the expected time has not passed yet (excluded). */
  met: boolean;
  gapMinutes: number | null;
}

/**
 * Expectation against delivery (K16): the share of customers whose expected time
 * was met, the gap by channel and language, and where expectations are systematically beyond
 * capability — the median expectation faster than the first-answer quote of that group.
 */
export async function expectationReport(
  db: Db,
  input: { workspaceId: string; from: Date; to: Date; now: Date; percentile: number },
): Promise<ExpectationReportResponse> {
  const rows = await db
    .select({
      caseId: customerExpectations.caseId,
      channel: customerExpectations.channel,
      language: customerExpectations.language,
      choice: customerExpectations.choice,
      expectedBy: customerExpectations.expectedBy,
      createdAt: customerExpectations.createdAt,
      caseCreatedAt: cases.createdAt,
    })
    .from(customerExpectations)
    .innerJoin(cases, eq(cases.id, customerExpectations.caseId))
    .where(
      and(
        eq(customerExpectations.workspaceId, input.workspaceId),
        gte(customerExpectations.createdAt, input.from),
        lt(customerExpectations.createdAt, input.to),
      ),
    );
  // The latest answer per case counts.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows)
    if (!latest.has(r.caseId) || latest.get(r.caseId)!.createdAt < r.createdAt) latest.set(r.caseId, r);
  const caseIds = [...latest.keys()];
  const answers = caseIds.length
    ? await db
        .select({ caseId: messages.caseId, createdAt: messages.createdAt })
        .from(messages)
        .where(and(inArray(messages.caseId, caseIds), eq(messages.direction, 'outbound'), eq(messages.internal, false)))
    : [];
  const firstAnswer = new Map<string, Date>();
  for (const a of answers)
    if (!firstAnswer.has(a.caseId) || firstAnswer.get(a.caseId)! > a.createdAt) firstAnswer.set(a.caseId, a.createdAt);
  const facts: GapFact[] = [];
  for (const r of latest.values()) {
    const answered = firstAnswer.get(r.caseId) ?? null;
    if (!answered && r.expectedBy.getTime() > input.now.getTime()) continue;
    const delivered = answered ?? input.now;
    facts.push({
      channel: r.channel,
      language: r.language ?? '',
      choice: r.choice,
      expectedMinutes: Math.max(0, Math.round((r.expectedBy.getTime() - r.caseCreatedAt.getTime()) / 60_000)),
      met: !!answered && answered.getTime() <= r.expectedBy.getTime(),
      gapMinutes: Math.round((delivered.getTime() - r.expectedBy.getTime()) / 60_000),
    });
  }
  const history = await db
    .select({
      channel: promiseDurations.channel,
      language: promiseDurations.language,
      minutes: promiseDurations.minutes,
    })
    .from(promiseDurations)
    .where(
      and(
        eq(promiseDurations.workspaceId, input.workspaceId),
        eq(promiseDurations.kind, 'first_response'),
        gte(promiseDurations.completedAt, new Date(input.to.getTime() - 180 * 86_400_000)),
      ),
    )
    .limit(50_000);
  const quoteOf = (match: (h: (typeof history)[number]) => boolean) =>
    percentile(
      history.filter(match).map((h) => h.minutes),
      input.percentile,
    );
  const row = (key: string, list: GapFact[], quoted: number | null): ExpectationGapRow => {
    const met = list.filter((f) => f.met).length;
    const expected = percentile(
      list.map((f) => f.expectedMinutes),
      50,
    );
    return {
      key,
      customers: list.length,
      met,
      metShare: list.length ? met / list.length : null,
      medianGapMinutes: percentile(
        list.map((f) => f.gapMinutes ?? 0),
        50,
      ),
      medianExpectedMinutes: expected,
      quotedMinutes: quoted,
      beyondCapability: expected !== null && quoted !== null && expected < quoted,
    };
  };
  const by = (keyOf: (f: GapFact) => string, quoteFor: (k: string) => number | null) => {
    const m = new Map<string, GapFact[]>();
    for (const f of facts) m.set(keyOf(f), [...(m.get(keyOf(f)) ?? []), f]);
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, list]) => row(k, list, quoteFor(k)));
  };
  return {
    from: input.from.toISOString(),
    to: input.to.toISOString(),
    overall: row(
      'all',
      facts,
      quoteOf(() => true),
    ),
    byChannel: by(
      (f) => f.channel,
      (k) => quoteOf((h) => h.channel === k),
    ),
    byLanguage: by(
      (f) => f.language,
      (k) => quoteOf((h) => (h.language ?? '') === k),
    ),
    byChoice: by(
      (f) => f.choice,
      () => quoteOf(() => true),
    ),
  };
}
