import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/open-database.ts';

/**
 * Where each workspace's customers write, at the address this server answers on: what `kept serve`
 * prints at start, so nobody has to guess the port. The oldest workspaces first, at most `limit`.
 */
export async function portalAddresses(
  db: Db,
  publicUrl: string,
  limit = 5,
): Promise<{ addresses: Array<{ name: string; url: string }>; more: number }> {
  const rows = await queryRows<{ name: string; slug: string; total: number }>(
    db,
    sql`select name, slug, (count(*) over ())::int as total from workspaces order by created_at, slug limit ${limit}`,
  );
  const base = publicUrl.replace(/\/$/, '');
  return {
    addresses: rows.map((r) => ({ name: r.name, url: `${base}/portal/${r.slug}` })),
    more: Math.max(0, (rows[0]?.total ?? 0) - rows.length),
  };
}
