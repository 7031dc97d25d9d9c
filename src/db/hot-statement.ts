import { createHash } from 'node:crypto';
import pg from 'pg';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../kernel/store-handle.ts';

// The busiest write path (intake) skips drizzle's query builder: on it, building SQL and
// planning it cost more than executing it (docs/BENCHMARKS.md, "Core desk"). Its statements
// are written as text with $n parameters, whose text depends only on the shape of the
// operation, so on PostgreSQL each runs as a named prepared statement, planned once per
// connection. Rows travel as one JSON parameter per table.

/** Text with $n placeholders, built part by part, and its values. */
export class HotStatement {
  readonly values: unknown[] = [];
  /** A placeholder for the value; values are sent as text, so a cast says what they are. */
  param(value: string | number | boolean | null, cast: string): string {
    this.values.push(value);
    return `$${this.values.length}::${cast}`;
  }
}

export interface Queryable {
  query(...args: unknown[]): Promise<{ rows: unknown[] }>;
}

/** The driver's client behind a drizzle handle: a pg Pool (root handle), a pg client (transaction), or PGlite. */
export function driverClient(db: Db): Queryable {
  // drizzle-orm 0.45 (pinned) keeps the driver's client on its session, for the root handle and a transaction alike.
  const client = (db as unknown as { session?: { client?: Queryable } }).session?.client;
  if (!client || typeof client.query !== 'function')
    throw new Error('no driver client behind this drizzle handle (drizzle-orm changed?)');
  return client;
}

const statementNames = new Map<string, string>();
const hotPools = new WeakMap<pg.Pool, pg.Pool>();

/** Statements sent to `pool` itself (not to one of its transactions) go to `hot` instead (open-database.ts). */
export function useHotPool(pool: pg.Pool, hot: pg.Pool): void {
  hotPools.set(pool, hot);
}

/**
 * Runs a statement on the connection behind a drizzle handle — the pool, or the caller's
 * transaction's client — as a prepared statement on PostgreSQL (PGlite runs in-process and
 * has no per-statement round trip to save).
 */
export async function runHotStatement<T>(db: Db, text: string, values: unknown[]): Promise<T[]> {
  const client = driverClient(db);
  if (client instanceof pg.Pool || client instanceof pg.Client) {
    let name = statementNames.get(text);
    if (!name) {
      name = `kept_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      // Shapes are few (a dozen); the bound only guards against a bug that makes texts unique.
      if (statementNames.size > 500) statementNames.clear();
      statementNames.set(text, name);
    }
    const target = client instanceof pg.Pool ? (hotPools.get(client) ?? client) : client;
    return (await target.query({ name, text, values })).rows as T[];
  }
  return (await client.query(text, values)).rows as T[];
}

interface ColumnInfo {
  key: string;
  name: string;
  /** How a value of this column comes back from to_jsonb: timestamps as text, to be made Dates. */
  isTimestamp: boolean;
  /** Computed by the database (GENERATED ALWAYS): never written. */
  isGenerated: boolean;
}

const tableColumns = new WeakMap<PgTable, ColumnInfo[]>();

function columnsOf(table: PgTable): ColumnInfo[] {
  let columns = tableColumns.get(table);
  if (!columns) {
    columns = Object.entries(getTableColumns(table)).map(([key, column]) => ({
      key,
      name: column.name,
      isTimestamp: column.columnType === 'PgTimestamp' || column.columnType === 'PgTimestampString',
      isGenerated: column.generated !== undefined,
    }));
    tableColumns.set(table, columns);
  }
  return columns;
}

/** A row read as `to_jsonb(t)` turned into drizzle's shape for the table (camelCase keys, Dates). */
export function rowFromJson<T extends PgTable>(table: T, json: unknown): T['$inferSelect'] {
  const source = (typeof json === 'string' ? JSON.parse(json) : json) as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const column of columnsOf(table)) {
    const value = source[column.name] ?? null;
    row[column.key] = column.isTimestamp && value !== null ? new Date(value as string) : value;
  }
  return row as T['$inferSelect'];
}

/**
 * `insert into <table> (<columns>) select <columns> from json_populate_recordset(null::<table>, $rows)`:
 * PostgreSQL converts each value to its column's type (uuid, timestamptz from ISO text, jsonb
 * from a nested object), so any number of rows costs one parameter. Columns left out keep their
 * defaults. With `caseIn`, only the rows whose case_id that CTE returned are inserted; with
 * `ordered`, in the order given (a serial id follows it).
 */
export function insertRowsText<T extends PgTable>(
  statement: HotStatement,
  table: T,
  rows: Array<Partial<T['$inferInsert']>>,
  options: { caseIn?: string; ordered?: boolean } = {},
): string {
  // A generated column (the search words, issue 16) is the database's to compute: a row that was
  // built in memory in the shape of a read one carries it, and it is left out.
  const generated = new Set(columnsOf(table).flatMap((c) => (c.isGenerated ? [c.key] : [])));
  const given = rows.length === 1 ? Object.keys(rows[0]!) : [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const keys = generated.size > 0 ? given.filter((key) => !generated.has(key)) : given;
  const { names, head } = insertShape(table, keys);
  const json = JSON.stringify(
    rows.map((row) => {
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) out[names[i]!] = jsonValue((row as Record<string, unknown>)[keys[i]!]);
      return out;
    }),
  );
  const source = `${head}${statement.param(json, 'json')})${options.ordered ? ' with ordinality' : ''} as r`;
  const filter = options.caseIn ? ` where r.case_id in (select id from ${options.caseIn})` : '';
  return `${source}${filter}${options.ordered ? ' order by r.ordinality' : ''}`;
}

interface InsertShape {
  names: string[];
  /** The text up to the JSON parameter. */
  head: string;
}

// Intake inserts the same few shapes (table and columns) on every message: their column names
// and text are worked out once.
const insertShapes = new WeakMap<PgTable, Map<string, InsertShape>>();

function insertShape(table: PgTable, keys: string[]): InsertShape {
  let shapes = insertShapes.get(table);
  if (!shapes) insertShapes.set(table, (shapes = new Map()));
  const signature = keys.join(',');
  let shape = shapes.get(signature);
  if (!shape) {
    const byKey = new Map(columnsOf(table).map((c) => [c.key, c]));
    const names = keys.map((key) => {
      const column = byKey.get(key);
      if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
      return column.name;
    });
    const list = names.map((name) => `"${name}"`).join(', ');
    const tableName = `"${getTableName(table)}"`;
    shape = {
      names,
      head: `insert into ${tableName} (${list}) select ${list} from json_populate_recordset(null::${tableName}, `,
    };
    shapes.set(signature, shape);
  }
  return shape;
}

function jsonValue(value: unknown): unknown {
  if (value === undefined) return null;
  return value instanceof Date ? value.toISOString() : value;
}
