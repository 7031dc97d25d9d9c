import { and, eq, gte, lt } from 'drizzle-orm';
import type { AgentPromiseFigure, PromiseRatesResponse } from '../../../contract/promise-api-types.ts';
import type { Db } from '../../../db/open-database.ts';
import { promises, teams, users } from '../../../db/schema.ts';
import { groupRates, rateRow, weekOf, type PromiseFact } from './promise-rates.ts';

export async function loadPromiseFacts(db: Db, workspaceId: string, from: Date, to: Date): Promise<PromiseFact[]> {
  const rows = await db
    .select({
      id: promises.id,
      kind: promises.kind,
      channel: promises.channel,
      ownerId: promises.ownerId,
      teamId: users.teamId,
      status: promises.status,
      createdAt: promises.createdAt,
      dueAt: promises.dueAt,
      resolvedAt: promises.resolvedAt,
    })
    .from(promises)
    .innerJoin(users, eq(users.id, promises.ownerId))
    .where(and(eq(promises.workspaceId, workspaceId), gte(promises.createdAt, from), lt(promises.createdAt, to)));
  return rows;
}

/** K3: kept / broken / renegotiated and early / on-time / late, per person, team, channel, kind and week. */
export async function loadPromiseRates(
  db: Db,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<PromiseRatesResponse> {
  const [facts, staff, teamRows] = await Promise.all([
    loadPromiseFacts(db, workspaceId, from, to),
    db.select({ id: users.id, name: users.name }).from(users).where(eq(users.workspaceId, workspaceId)),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.workspaceId, workspaceId)),
  ]);
  const names = new Map([...staff, ...teamRows].map((r) => [r.id, r.name]));
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    overall: rateRow('all', 'all', facts),
    byOwner: groupRates(
      facts,
      (f) => f.ownerId,
      (k) => names.get(k) ?? k,
    ),
    byTeam: groupRates(
      facts,
      (f) => f.teamId ?? '',
      (k) => (k ? (names.get(k) ?? k) : ''),
    ),
    byChannel: groupRates(facts, (f) => f.channel),
    byKind: groupRates(facts, (f) => f.kind),
    byWeek: groupRates(facts, (f) => weekOf(f.createdAt)),
  };
}

/** For the scorecard (K21): each agent's promises kept, from the same facts. */
export async function agentPromiseFigures(
  db: Db,
  workspaceId: string,
  from: Date,
  to: Date,
): Promise<AgentPromiseFigure[]> {
  const rates = await loadPromiseRates(db, workspaceId, from, to);
  return rates.byOwner.map((r) => ({
    userId: r.key,
    name: r.label,
    made: r.made,
    kept: r.kept,
    broken: r.broken,
    keptRate: r.keptRate,
  }));
}
