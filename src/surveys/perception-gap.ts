import { and, eq, inArray } from 'drizzle-orm';
import type { PerceptionAreaRow, PerceptionGapResponse, PerceptionPeriodRow } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { perceptionRatings } from '../db/schema-surveys.ts';
import { KeptError } from '../errors/kept-error.ts';
import type { PerceptionAreaKind } from '../kernel/domain-words.ts';
import { loadGroupNames, loadSurveyFacts, type SurveyFact } from './survey-answers.ts';

// K17, the perception gap: "80% of firms say their service is superior, 8% of their customers
// agree". Managers record per quarter and area how good they believe the service is, on the
// customers' 1–5 scale; the screen puts their belief beside the customers' answers.

const PERIOD = /^(\d{4})-Q([1-4])$/;

export function quarterOf(date: Date): string {
  return `${date.getUTCFullYear()}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`;
}

/** [from, to) of a quarter `2026-Q4` (UTC); a malformed period is a 400 naming the field. */
export function quarterRange(period: string): { from: Date; to: Date } {
  const match = PERIOD.exec(period);
  if (!match)
    throw new KeptError('request.invalid', 'The period must be a quarter such as 2026-Q4', { field: 'period' });
  const year = Number(match[1]);
  const q = Number(match[2]);
  return { from: new Date(Date.UTC(year, (q - 1) * 3, 1)), to: new Date(Date.UTC(year, q * 3, 1)) };
}

/** The quarter and the `count − 1` before it, oldest first. */
export function quartersEndingWith(period: string, count: number): string[] {
  const { from } = quarterRange(period);
  return Array.from({ length: count }, (_, i) =>
    quarterOf(new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - 3 * (count - 1 - i), 1))),
  );
}

export async function recordPerceptionRating(
  db: Db,
  input: {
    workspaceId: string;
    period: string;
    areaKind: PerceptionAreaKind;
    areaKey: string;
    rating: number;
    userId: string;
    now: Date;
  },
): Promise<void> {
  quarterRange(input.period);
  const areaKey = input.areaKind === 'overall' ? '' : input.areaKey;
  await db
    .insert(perceptionRatings)
    .values({ ...input, areaKey, recordedBy: input.userId, updatedAt: input.now })
    .onConflictDoUpdate({
      target: [
        perceptionRatings.workspaceId,
        perceptionRatings.period,
        perceptionRatings.areaKind,
        perceptionRatings.areaKey,
      ],
      set: { rating: input.rating, recordedBy: input.userId, updatedAt: input.now },
    });
}

function areaMatches(fact: SurveyFact, kind: PerceptionAreaKind, key: string): boolean {
  if (kind === 'overall') return true;
  if (kind === 'team') return fact.teamId === key;
  if (kind === 'channel') return fact.channel === key;
  return fact.caseKind === key; // a touchpoint: the kind of case the customer came about
}

function customerFigures(facts: readonly SurveyFact[]) {
  const scores = facts.filter((f) => f.kind === 'satisfaction' && f.score !== null).map((f) => f.score!);
  const good = scores.filter((s) => s >= 4).length;
  return {
    answers: scores.length,
    customerMean: scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null,
    customerShareGood: scores.length ? good / scores.length : null,
  };
}

export async function perceptionGap(
  db: Db,
  input: { workspaceId: string; period: string },
): Promise<PerceptionGapResponse> {
  const periods = quartersEndingWith(input.period, 4);
  const [ratings, names] = await Promise.all([
    db
      .select()
      .from(perceptionRatings)
      .where(and(eq(perceptionRatings.workspaceId, input.workspaceId), inArray(perceptionRatings.period, periods))),
    loadGroupNames(db, input.workspaceId),
  ]);
  const trend: PerceptionPeriodRow[] = [];
  let areas: PerceptionAreaRow[] = [];
  for (const period of periods) {
    const { from, to } = quarterRange(period);
    const facts = await loadSurveyFacts(db, input.workspaceId, from, to);
    const rated = ratings.filter((r) => r.period === period);
    const all = customerFigures(facts);
    trend.push({
      period,
      managerShareSuperior: rated.length ? rated.filter((r) => r.rating >= 4).length / rated.length : null,
      customerShareGood: all.customerShareGood,
      areasRated: rated.length,
      answers: all.answers,
    });
    if (period !== input.period) continue;
    areas = rated
      .map((r) => {
        const figures = customerFigures(facts.filter((f) => areaMatches(f, r.areaKind, r.areaKey)));
        return {
          areaKind: r.areaKind,
          areaKey: r.areaKey,
          label: r.areaKind === 'team' ? (names.get(r.areaKey) ?? r.areaKey) : r.areaKey,
          managerRating: r.rating,
          ...figures,
        };
      })
      .sort((a, b) => a.areaKind.localeCompare(b.areaKind) || a.label.localeCompare(b.label));
  }
  return { period: input.period, areas, headline: trend[trend.length - 1]!, trend };
}
