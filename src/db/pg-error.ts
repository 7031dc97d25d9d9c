// PostgreSQL's error codes as thrown by either driver, directly or wrapped by drizzle
// (DrizzleQueryError keeps the driver's error as `cause`).
interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
  detail?: string;
  cause?: DriverError;
}

function driverError(error: unknown): DriverError | undefined {
  for (let e = error as DriverError | undefined; e; e = e.cause) if (e.code) return e;
  return undefined;
}

/** The SQLSTATE of a database error ('23505' unique violation, '23503' foreign key), if it is one. */
export function pgErrorCode(error: unknown): string | undefined {
  return driverError(error)?.code;
}

/** True when `error` is a unique violation, of `constraint` if one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = driverError(error);
  if (e?.code !== '23505') return false;
  // PGlite's errors may not name the constraint in a field; its message does.
  return (
    constraint === undefined ||
    e.constraint === constraint ||
    (e.constraint === undefined && String(e.message ?? '').includes(constraint))
  );
}

export interface ForeignKeyViolation {
  /** A write named a row that does not exist (insert, update), or a delete left rows pointing at it. */
  kind: 'missing' | 'still_referenced';
  /** The key's column as the API names it (owner_id → ownerId); of a composite key, the column besides workspace_id. */
  field: string | undefined;
}

/** A foreign-key violation (23503), with the field it is about, read from the driver's detail ("Key (owner_id)=(…)"). */
export function foreignKeyViolation(error: unknown): ForeignKeyViolation | undefined {
  const e = driverError(error);
  if (e?.code !== '23503') return undefined;
  const detail = String(e.detail ?? '');
  const columns =
    /Key \(([^)]*)\)=/
      .exec(detail)?.[1]
      ?.split(',')
      .map((c) => c.trim()) ?? [];
  const column = columns.length > 1 ? columns.filter((c) => c !== 'workspace_id').at(-1) : columns[0];
  return {
    kind: /still referenced/.test(detail) ? 'still_referenced' : 'missing',
    field: column?.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase()),
  };
}

/**
 * A failed query's reason in one line, for logs: the driver's own message. Drizzle's message
 * is the whole statement and its parameters ("Failed query: …"), forty lines that bury why.
 */
export function errorReason(error: unknown): string {
  let innermost = error as DriverError | undefined;
  while (innermost?.cause) innermost = innermost.cause;
  return String(innermost?.message ?? error);
}
