import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';

/** The first-run setup is needed while the store holds no workspace. */
export async function needsSetup(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from workspaces`);
  return (row?.n ?? 0) === 0;
}
