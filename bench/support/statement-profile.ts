// Counting the statements the server sends PostgreSQL per message, through the bench routes
// (GET /api/v1/bench/sql counts in the server's pg client).
import type { HttpClient } from './bench-kit.ts';

export interface StatementProfile {
  variant: string;
  perMessage: number;
  perNewCase: number;
  perThreaded: number;
  top: Array<{ perMessage: number; sql: string }>;
}

/** Ways of sending messages to count: N probes at once, one new case, one threaded message (the mix is 1/3, 2/3). */
export interface MessageSenders {
  probe: (count: number) => Promise<void>;
  newCase: () => Promise<unknown>;
  threaded: () => Promise<unknown>;
}

export async function countStatements(
  client: HttpClient,
  variant: string,
  send: MessageSenders,
): Promise<StatementProfile> {
  const count = async (fn: () => Promise<void>, n: number) => {
    await client.json('GET', '/api/v1/bench/sql?reset=1&count=on');
    await fn();
    const { rows } = await client.json<{ rows: Array<{ n: number; sql: string }> }>(
      'GET',
      '/api/v1/bench/sql?reset=1&count=off',
    );
    return {
      total: rows.reduce((s, r) => s + r.n, 0) / n,
      rows: rows.map((r) => ({ perMessage: r.n / n, sql: r.sql })),
    };
  };
  const N = 30;
  if (variant === 'probe') {
    const p = await count(() => send.probe(N), N);
    return { variant, perMessage: p.total, perNewCase: p.total, perThreaded: p.total, top: p.rows.slice(0, 8) };
  }
  const newCases = await count(async () => {
    for (let i = 0; i < N; i++) await send.newCase();
  }, N);
  const threaded = await count(async () => {
    for (let i = 0; i < N; i++) await send.threaded();
  }, N);
  const merge = new Map<string, number>();
  for (const r of newCases.rows) merge.set(r.sql, (merge.get(r.sql) ?? 0) + r.perMessage / 3);
  for (const r of threaded.rows) merge.set(r.sql, (merge.get(r.sql) ?? 0) + (2 * r.perMessage) / 3);
  return {
    variant,
    perMessage: newCases.total / 3 + (2 * threaded.total) / 3,
    perNewCase: newCases.total,
    perThreaded: threaded.total,
    top: [...merge.entries()].sort((a, b) => b[1] - a[1]).map(([sql, perMessage]) => ({ sql, perMessage })),
  };
}
