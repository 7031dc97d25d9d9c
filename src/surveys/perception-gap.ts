import { and, eq, inArray } from 'drizzle-orm';
import type { PerceptionAreaRow, PerceptionGapResponse, PerceptionPeriodRow } from '../contract/survey-types.ts';
import type { Db } from '../db/open-database.ts';
import { perceptionRatings } from '../db/schema-surveys.ts';
import { KeptError } from '../errors/kept-error.ts';
import type { PerceptionAreaKind } from '../kernel/domain-words.ts';
import { loadGroupNames } from './survey-answers.ts';
import { loadAreaCounts, type AreaCounts } from './survey-aggregates.ts';

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

/** The customers' figures of an area in a quarter (none: no answers). */
function customerFigures(counts: readonly AreaCounts[], period: string, area: AreaCounts['area'], key: string) {
  const c = counts.find((x) => x.period === period && x.area === area && x.key === key);
  return {
    answers: c?.answers ?? 0,
    customerMean: c?.answers ? c.sum / c.answers : null,
    customerShareGood: c?.answers ? c.good / c.answers : null,
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
  const counts = await loadAreaCounts(db, {
    workspaceId: input.workspaceId,
    from: quarterRange(periods[0]!).from,
    to: quarterRange(input.period).to,
  });
  const trend: PerceptionPeriodRow[] = [];
  let areas: PerceptionAreaRow[] = [];
  for (const period of periods) {
    const rated = ratings.filter((r) => r.period === period);
    const all = customerFigures(counts, period, 'all', '');
    trend.push({
      period,
      managerShareSuperior: rated.length ? rated.filter((r) => r.rating >= 4).length / rated.length : null,
      customerShareGood: all.customerShareGood,
      areasRated: rated.length,
      answers: all.answers,
    });
    if (period !== input.period) continue;
    areas = rated
      .map((r) => ({
        areaKind: r.areaKind,
        areaKey: r.areaKey,
        label: r.areaKind === 'team' ? (names.get(r.areaKey) ?? r.areaKey) : r.areaKey,
        managerRating: r.rating,
        ...customerFigures(
          counts,
          period,
          r.areaKind === 'overall' ? 'all' : r.areaKind,
          r.areaKind === 'overall' ? '' : r.areaKey,
        ),
      }))
      .sort((a, b) => a.areaKind.localeCompare(b.areaKind) || a.label.localeCompare(b.label));
  }
  return { period: input.period, areas, headline: trend[trend.length - 1]!, trend };
}
