import { describe } from 'vitest';
import { canUsePostgres, type StoreKind } from './test-stores.ts';

/** The body once per store, titled "<title> (<kind>)"; the PostgreSQL half is skipped, loudly, without a server. */
export async function describeEachStore(title: string, body: (kind: StoreKind) => void): Promise<void> {
  const postgres = await canUsePostgres();
  for (const kind of ['pglite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !postgres)(`${title} (${kind})`, () => body(kind));
  }
}
