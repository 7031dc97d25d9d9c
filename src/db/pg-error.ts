// PostgreSQL's error codes as thrown by either driver, directly or wrapped by drizzle
// (DrizzleQueryError keeps the driver's error as `cause`).
interface DriverError {
  code?: string;
  constraint?: string;
  message?: string;
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
  return constraint === undefined || e.constraint === constraint || (e.constraint === undefined && String(e.message ?? '').includes(constraint));
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
