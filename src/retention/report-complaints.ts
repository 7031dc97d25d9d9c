// K12: the complaints of the last 12 months in one report — the rate per 1,000 active customers
// (report-complaint-rate.ts's definition of active), what they were about (kind), how they were
// found (agent, the customer's words, a survey, a supervisor asked for), and how they spread over
// the customers who complained (the Lorenz curve's top-20% share and Gini). Read live from the
// cases' complaint columns through their partial index: complaints are few.
import { sql } from 'drizzle-orm';
import type { ComplaintCountView, ComplaintsReportResponse } from '../contract/complaint-types.ts';
import type { Db } from '../db/open-database.ts';
import { queryRows } from '../db/open-database.ts';
import { COMPLAINT_KINDS, COMPLAINT_SOURCES, OPEN_CASE_STATUSES } from '../kernel/domain-words.ts';
import { lorenzCurve } from './lorenz.ts';
import { complaintYearOverall } from './report-complaint-rate.ts';

const YEAR_MS = 365 * 86_400_000;

function counts(keys: readonly string[], rows: ReadonlyArray<{ key: string; n: number }>): ComplaintCountView[] {
  const found = new Map(rows.map((r) => [r.key, r.n]));
  return keys.map((key) => ({ key, complaints: found.get(key) ?? 0 }));
}

export async function complaintsReport(db: Db, workspaceId: string, now: Date): Promise<ComplaintsReportResponse> {
  const from = new Date(now.getTime() - YEAR_MS);
  const overall = await complaintYearOverall(db, workspaceId, now);
  const rows = await queryRows<{ dim: string; key: string; n: number }>(
    db,
    sql`select case when grouping(complaint_kind) = 0 then 'kind' when grouping(complaint_source) = 0 then 'source'
          else 'customer' end as dim,
          coalesce(complaint_kind, complaint_source, customer_id::text, '') as key, count(*)::int as n
        from cases where workspace_id = ${workspaceId} and is_complaint and created_at >= ${from.toISOString()}
        group by grouping sets ((complaint_kind), (complaint_source), (customer_id))`,
  );
  const [open] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from cases where workspace_id = ${workspaceId} and is_complaint
          and status in (${sql.join(
            OPEN_CASE_STATUSES.map((s) => sql`${s}`),
            sql`, `,
          )})`,
  );
  const perCustomer = rows.filter((r) => r.dim === 'customer').map((r) => r.n);
  const lorenz = lorenzCurve(perCustomer);
  return {
    from: from.toISOString(),
    to: now.toISOString(),
    complaints: overall.complaints,
    active: overall.active,
    per1000: overall.per1000,
    byKind: counts(
      COMPLAINT_KINDS,
      rows.filter((r) => r.dim === 'kind'),
    ),
    bySource: counts(
      COMPLAINT_SOURCES,
      rows.filter((r) => r.dim === 'source'),
    ),
    complainers: perCustomer.length,
    top20Share: perCustomer.length > 0 ? lorenz.top20Share : null,
    gini: perCustomer.length > 0 ? lorenz.gini : null,
    open: open?.n ?? 0,
  };
}
