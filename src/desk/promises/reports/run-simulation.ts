import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { SimulationResponse } from '../../../contract/promise-api-types.ts';
import type { Db } from '../../../db/open-database.ts';
import { promises } from '../../../db/schema.ts';
import { promiseDurations } from '../../../db/schema-promises.ts';
import { weekOf } from './promise-rates.ts';
import { replayWithQuotes, type ReplayPromise } from './simulate-quoting.ts';

const LOOKBACK_DAYS = 90;
const share = (n: number, of: number) => (of > 0 ? n / of : null);

/**
 * Replays the last `weeks` weeks: each decided promise (kept or broken) against the quote the
 * rule would have given from the history before it. How long the work really took comes from
 * the capability history (`promise_durations`, uncensored rows) of the same promise — or, for
 * first answers, of the same case.
 */
export async function runSimulation(
  db: Db,
  input: { workspaceId: string; weeks: number; percentile: number; now: Date },
): Promise<SimulationResponse> {
  const from = new Date(input.now.getTime() - input.weeks * 7 * 86_400_000);
  const [rows, history] = await Promise.all([
    db
      .select({
        id: promises.id,
        caseId: promises.caseId,
        kind: promises.kind,
        status: promises.status,
        createdAt: promises.createdAt,
        resolvedAt: promises.resolvedAt,
      })
      .from(promises)
      .where(
        and(
          eq(promises.workspaceId, input.workspaceId),
          inArray(promises.status, ['kept', 'broken']),
          gte(promises.createdAt, from),
          lt(promises.createdAt, input.now),
        ),
      ),
    db
      .select({
        kind: promiseDurations.kind,
        completedAt: promiseDurations.completedAt,
        minutes: promiseDurations.minutes,
        promiseId: promiseDurations.promiseId,
        caseId: promiseDurations.caseId,
        startedAt: promiseDurations.startedAt,
        censored: promiseDurations.censored,
      })
      .from(promiseDurations)
      .where(
        and(
          eq(promiseDurations.workspaceId, input.workspaceId),
          gte(promiseDurations.completedAt, new Date(from.getTime() - LOOKBACK_DAYS * 86_400_000)),
        ),
      ),
  ]);
  const done = history.filter((h) => h.censored === 0);
  const byPromise = new Map(done.filter((h) => h.promiseId).map((h) => [h.promiseId!, h.minutes]));
  const replay: Array<ReplayPromise & { week: string }> = rows.map((r) => {
    let actual: number | null = byPromise.get(r.id) ?? null;
    if (actual === null && r.kind === 'first_response') {
      const answer = done.find(
        (h) =>
          h.kind === 'first_response' &&
          h.caseId === r.caseId &&
          h.startedAt.getTime() <= r.createdAt.getTime() + 1_000,
      );
      actual = answer ? Math.round((answer.completedAt.getTime() - r.createdAt.getTime()) / 60_000) : null;
    }
    if (actual === null && r.status === 'kept' && r.resolvedAt)
      actual = Math.round((r.resolvedAt.getTime() - r.createdAt.getTime()) / 60_000);
    return {
      kind: r.kind,
      createdAt: r.createdAt,
      status: r.status as 'kept' | 'broken',
      actualMinutes: actual,
      week: weekOf(r.createdAt),
    };
  });
  const durations = done.map((h) => ({ kind: h.kind, completedAt: h.completedAt, minutes: h.minutes }));
  const total = replayWithQuotes(replay, durations, input.percentile, LOOKBACK_DAYS);
  const group = <K extends string>(keyOf: (r: (typeof replay)[number]) => K) => {
    const m = new Map<K, typeof replay>();
    for (const r of replay) {
      const k = keyOf(r);
      m.set(k, [...(m.get(k) ?? []), r]);
    }
    return [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    weeks: input.weeks,
    percentile: input.percentile,
    promises: total.promises,
    actualKeptShare: share(total.actualKept, total.promises),
    simulatedKeptShare: share(total.simulatedKept, total.promises),
    byKind: group((r) => r.kind).map(([kind, list]) => {
      const x = replayWithQuotes(list, durations, input.percentile, LOOKBACK_DAYS);
      return {
        kind,
        promises: x.promises,
        actualKeptShare: share(x.actualKept, x.promises),
        simulatedKeptShare: share(x.simulatedKept, x.promises),
        quotedMinutes: x.quotedMinutes,
      };
    }),
    byWeek: group((r) => r.week).map(([week, list]) => {
      const x = replayWithQuotes(list, durations, input.percentile, LOOKBACK_DAYS);
      return {
        week,
        promises: x.promises,
        actualKeptShare: share(x.actualKept, x.promises),
        simulatedKeptShare: share(x.simulatedKept, x.promises),
      };
    }),
  };
}
