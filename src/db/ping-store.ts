import { sql } from 'drizzle-orm';
import { queryRows, type Db } from './open-database.ts';

/** Whether the store answers at all (health checks). */
export async function storeAnswers(db: Db): Promise<boolean> {
  try {
    await queryRows(db, sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
