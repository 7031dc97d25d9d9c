// PostgreSQL's unique_violation (23505), as thrown by either driver, directly or wrapped by
// drizzle (DrizzleQueryError keeps the driver's error as `cause`).
interface DriverError {
  code?: string;
  constraint?: string;
  cause?: DriverError;
}

/** True when `error` is a unique violation, of `constraint` if one is named. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e = error as DriverError | undefined; e; e = e.cause) {
    if (e.code === '23505') return constraint === undefined || e.constraint === constraint || (e.constraint === undefined && String((e as Error).message ?? '').includes(constraint));
  }
  return false;
}
