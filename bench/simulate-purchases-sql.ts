// Buy-till-you-die purchases simulated inside PostgreSQL, for bench/retention.ts (b) and (c).
// The data must come from the models being benchmarked, or the fits fail and the timings
// measure fallbacks (the earlier generator gave everyone ten evenly spaced purchases). Per
// customer, drawn from known parameters:
//   first purchase  uniform over the two years before the as-of date (2025-01-01);
//   λ ~ Gamma(r, α)  purchase rate per day; gaps between purchases ~ Exponential(λ);
//   p ~ Beta(a, b)   after each *repeat* purchase the customer drops out with probability p,
//                    so the number of repeat purchases before dropout is 1 + Geometric(p) (the
//                    first purchase is never followed by dropout in BG/NBD; drawing Geometric(p)
//                    from 0, as this file did, biased the recovered r and α by ~2×);
//   ν ~ Gamma(q, γ)  and each purchase's spend ~ Gamma(p_gg, ν) (Gamma-Gamma).
// Shapes are whole numbers so every gamma draw is −ln of a product of uniforms, which SQL
// can do without a sampler. Seeded with setseed, so runs are comparable.
import type pg from 'pg';

export const TRUE_BGNBD = { r: 2, alpha: 40, a: 2, b: 20 } as const;
export const TRUE_GG = { p: 6, q: 4, gamma: 15 } as const;
const DAYS = 731; // 2023-01-01 … 2025-01-01

/** −ln(U1·…·Uk) ~ Gamma(k, 1), with U uniform on (0, 1]. */
const gammaDraw = (shape: number) => `(-ln(${Array.from({ length: shape }, () => '(1 - random())').join(' * ')}))`;

/** Inserts `customers` customers and their simulated purchases; returns the number of purchases. */
export async function simulatePurchases(pool: pg.Pool, workspaceId: string, customers: number): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('select setseed(0.42)');
    await client.query(`set work_mem = '256MB'`);
    // Setup, not timed: the rows are ours and consistent by construction, so the foreign-key
    // triggers (half the insert time on purchases) are skipped where the role allows it.
    await client.query('set session_replication_role = replica').catch(() => undefined);
    await client.query(
      `insert into customers (workspace_id, name, external_id) select $1, 'c' || g, 'c' || g from generate_series(1, $2::int) g`,
      [workspaceId, customers],
    );
    const { r, alpha, a, b } = TRUE_BGNBD;
    const { p, q, gamma } = TRUE_GG;
    await client.query(
      `create temp table bench_sim as
       select customer_id, first_day, lam, nu, least(1 + floor(ln(1 - random()) / ln(1 - dropout)), 1000)::int as repeats
       from (select id as customer_id, floor(random() * ${DAYS - 1})::int as first_day, ${gammaDraw(r)} / ${alpha} as lam,
               ga / (ga + gb) as dropout, ${gammaDraw(q)} / ${gamma} as nu
             from (select id, ${gammaDraw(a)} as ga, ${gammaDraw(b)} as gb from customers where workspace_id = $1) c) s`,
      [workspaceId],
    );
    const inserted = await client.query(
      `insert into purchases (workspace_id, customer_id, occurred_at, amount, channel, row_hash)
       select $1, customer_id, timestamptz '2023-01-01 00:00:00+00' + (first_day + floor(t)) * interval '1 day',
         round((${gammaDraw(p)} / nu)::numeric, 2) + 0.01, case when random() < 0.3 then 'store' else 'web' end,
         'h:' || customer_id || ':' || k
       from (select s.customer_id, s.first_day, s.nu, k,
               sum(case when k = 0 then 0 else -ln(1 - random()) / s.lam end) over (partition by s.customer_id order by k) as t
             from bench_sim s, generate_series(0, s.repeats) k) e
       where first_day + t < ${DAYS}`,
      [workspaceId],
    );
    await client.query('drop table bench_sim');
    await client.query('reset session_replication_role').catch(() => undefined);
    // A table that has been live for a while is vacuumed and analyzed; a fresh bulk load is not.
    await client.query('vacuum analyze customers');
    await client.query('vacuum analyze purchases');
    return inserted.rowCount ?? 0;
  } finally {
    client.release();
  }
}
