// Issue 14: no workspace ever touches another. A property over the OpenAPI document rather
// than a test per route: every operation, every id it carries (path, query, body), aimed at
// another workspace's row, at a random id and at a malformed one, as an admin and as an agent
// (a customer's signed link on the portal), is refused — 404 or 422, 400 when malformed, the
// same answer for another workspace's row as for no row at all — and changes nothing anywhere.
import crypto from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/db/open-database.ts';
import { customers, tasks } from '../../src/db/schema.ts';
import { installErrorHandler } from '../../src/http/error-handler.ts';
import { createTestWorkspace, seedEveryKind, type TestStaff, type TestWorkspace } from './support/factories.ts';
import {
  idFieldsOf,
  openObjectsOf,
  operationsOf,
  requestFor,
  valueFor,
  type IdField,
  type Operation,
  type Variant,
  type Workspaces,
} from './support/openapi-probes.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

interface Outcome {
  status: number;
  code: string | undefined;
  field: string | undefined;
}

describe.each<StoreKind>(['pglite', 'postgres'])('ids from another workspace on %s', (kind) => {
  let kept: TestKept;
  let a: TestWorkspace;
  let b: TestWorkspace;
  let ws: Workspaces;
  let operations: Operation[];
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    [a, b] = [await createTestWorkspace(kept), await createTestWorkspace(kept)];
    ws = {
      a: { ...(await seedEveryKind(kept, a)), slug: a.slug },
      b: { ...(await seedEveryKind(kept, b)), slug: b.slug },
    };
    operations = operationsOf(json(await kept.app.inject({ method: 'GET', url: '/api/openapi.json' })));
  });

  const send = async (as: TestStaff | null, op: Operation, field?: IdField, value?: string): Promise<Outcome> => {
    const planned = requestFor(op, ws, kept.clock.now(), field, value);
    const payload = planned.payload !== undefined ? { payload: planned.payload as object } : {};
    const response = await a.request(as, { method: planned.method as 'GET', url: planned.url, ...payload });
    const isJson = String(response.headers['content-type']).includes('json');
    const error = isJson ? (json(response).error as { code?: string; field?: string } | undefined) : undefined;
    return { status: response.statusCode, code: error?.code, field: error?.field };
  };
  const callersOf = (op: Operation) => (op.isPortal ? [null] : [a.admin, a.agentEn]);
  const probed = () => operations.map((op) => ({ op, fields: idFieldsOf(op) })).filter((p) => p.fields.length > 0);
  const named = (op: Operation) => `${op.method} ${op.path}`;

  run('every id-like field of every documented operation has a probe', () => {
    const gaps = probed().flatMap(({ op, fields }) =>
      fields.filter((f) => f.kind === null).map((f) => `${named(op)} ${f.in} ${f.name}`),
    );
    expect(gaps).toEqual([]);
    // Bodies refuse fields they do not list (strict schemas), so the document shows every id a request can carry.
    expect(operations.flatMap((op) => openObjectsOf(op.body).map((where) => `${named(op)} ${where}`))).toEqual([]);
    const count = probed().reduce((n, p) => n + p.fields.length, 0);
    console.info(`[cross-workspace ids] ${probed().length} operations × id fields = ${count} fields probed`);
    expect(count).toBeGreaterThanOrEqual(35);
  });

  run('another workspace’s ids, random ids and malformed ids are refused, and change nothing', async () => {
    const before = await Promise.all([snapshot(kept, a.id), snapshot(kept, b.id)]);
    const holes: string[] = [];
    let requests = 0;
    for (const { op, fields } of probed()) {
      for (const field of fields) {
        for (const caller of callersOf(op)) {
          const outcomes: Partial<Record<Variant, Outcome>> = {};
          for (const variant of ['foreign', 'random', 'malformed'] as const) {
            const value = valueFor(field.kind!, variant, ws);
            if (value === null) continue;
            outcomes[variant] = await send(caller, op, field, value);
            requests++;
            const problem = judge(field, variant, outcomes[variant]!, caller);
            const as = caller?.role ?? 'customer';
            if (problem) holes.push(`${named(op)} ${field.in} ${field.name}=${variant} as ${as}: ${problem}`);
          }
          // Another workspace's row must look exactly like no row: an answer never tells which ids exist.
          const { foreign, random } = outcomes;
          if (foreign && random && (foreign.status !== random.status || foreign.code !== random.code)) {
            const answers = `${foreign.status} ${foreign.code} for another workspace's row`;
            holes.push(`${named(op)} ${field.name}: ${answers}, ${random.status} ${random.code} for none`);
          }
        }
      }
    }
    console.info(`[cross-workspace ids] ${requests} requests sent on ${kind}`);
    const after = await Promise.all([snapshot(kept, a.id), snapshot(kept, b.id)]);
    after.forEach((tables, i) => {
      for (const [table, digest] of Object.entries(tables)) {
        if (before[i]![table] !== digest) holes.push(`workspace ${'AB'[i]}'s ${table} changed`);
      }
    });
    expect(holes).toEqual([]);
  });

  // The probes are only worth something if, with the caller's own ids, the same requests pass
  // validation and find their rows: a refusal above then came from the id, not the example.
  run('with the caller’s own ids the same requests are accepted past validation and lookup', async () => {
    const refused: string[] = [];
    // Deletions last: they remove rows the other requests name.
    const ordered = [...probed()].sort((x, y) => Number(x.op.method === 'DELETE') - Number(y.op.method === 'DELETE'));
    for (const { op } of ordered) {
      const outcome = await send(op.isPortal ? null : a.admin, op);
      if (outcome.status === 400 || outcome.status === 404 || outcome.status >= 500) {
        refused.push(`${named(op)}: ${outcome.status} ${outcome.code} ${outcome.field ?? ''}`);
      }
    }
    expect(refused).toEqual([]);
  });

  // The checks above are the fix; this is the net under them, on each driver's own error.
  run('a foreign-key violation that gets past the checks is a 422 or 409 naming the field, never a 500', async () => {
    const app = Fastify({ logger: false });
    installErrorHandler(app);
    app.post('/missing-assignee', async () => {
      const task = { workspaceId: a.id, assigneeId: crypto.randomUUID(), kind: 'follow_up_contact', title: 'x' };
      await kept.store.db.insert(tasks).values({ ...task, dueAt: new Date() });
    });
    app.post('/customer-in-use', async () => {
      await kept.store.db.delete(customers).where(eq(customers.id, ws.a.ids.customer));
    });
    const missing = await app.inject({ method: 'POST', url: '/missing-assignee' });
    expect(missing.statusCode).toBe(422);
    expect(json(missing).error).toMatchObject({ code: 'request.unknown_reference', field: 'assigneeId' });
    const inUse = await app.inject({ method: 'POST', url: '/customer-in-use' });
    expect(inUse.statusCode).toBe(409);
    expect(json(inUse).error).toMatchObject({ code: 'request.still_referenced' });
    await app.close();
  });
});

/** What is wrong with an answer to a probe, or null. */
function judge(field: IdField, variant: Variant, outcome: Outcome, caller: TestStaff | null): string | null {
  const got = `${outcome.status} ${outcome.code ?? ''}${outcome.field ? ` (field ${outcome.field})` : ''}`;
  if (variant === 'malformed') {
    if (outcome.status !== 400) return `expected 400, got ${got}`;
    return outcome.field === field.name ? null : `the 400 names ${outcome.field ?? 'no field'}, not ${field.name}`;
  }
  const isLink = field.kind === 'portalToken' || field.kind === 'expectToken';
  if (isLink) return outcome.status === 401 ? null : `a forged link: expected 401, got ${got}`;
  // An agent may be refused by role first; that says nothing about the row either.
  if (caller?.role === 'agent' && outcome.status === 403) return null;
  if (outcome.status !== 404 && outcome.status !== 422) return `expected 404 or 422, got ${got}`;
  // A path names its own id; an id in the body or query is named by the answer.
  if (field.in !== 'path' && outcome.field !== field.name) {
    return `the ${outcome.status} names ${outcome.field ?? 'no field'}, not ${field.name}`;
  }
  return null;
}

/** Every row of the workspace, table by table (any table with a workspace_id), as counts and digests. */
async function snapshot(kept: TestKept, workspaceId: string): Promise<Record<string, string>> {
  const tables = await queryRows<{ table_name: string }>(
    kept.store.db,
    sql`select table_name from information_schema.columns
        where table_schema = 'public' and column_name = 'workspace_id' order by table_name`,
  );
  const result: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    const [row] = await queryRows<{ n: number; digest: string }>(
      kept.store.db,
      sql`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest
          from ${sql.identifier(table)} t where t.workspace_id = ${workspaceId}`,
    );
    result[table] = `${row!.n} ${row!.digest}`;
  }
  const [workspace] = await queryRows<{ digest: string }>(
    kept.store.db,
    sql`select md5(w::text) as digest from workspaces w where w.id = ${workspaceId}`,
  );
  result.workspaces = workspace!.digest;
  return result;
}
