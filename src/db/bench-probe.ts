import type { Db } from './open-database.ts';
import { benchProbe } from './schema.ts';

/** The inbound benchmark's baseline: one single-row insert (src/http/routes/bench-probe-route.ts). */
export async function insertBenchProbe(db: Db, workspaceId: string, body: string): Promise<void> {
  await db.insert(benchProbe).values({ workspaceId, body });
}
