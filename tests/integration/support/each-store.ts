import { beforeAll, describe } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from './factories.ts';
import { testKept, type TestKept } from './test-kept.ts';
import { canUsePostgres, type StoreKind } from './test-stores.ts';

/** The body once per store, titled "<title> (<kind>)"; the PostgreSQL half is skipped, loudly, without a server. */
export async function describeEachStore(title: string, body: (kind: StoreKind) => void): Promise<void> {
  const postgres = await canUsePostgres();
  for (const kind of ['pglite', 'postgres'] as const) {
    describe.skipIf(kind === 'postgres' && !postgres)(`${title} (${kind})`, () => body(kind));
  }
}

/** In a describe block: the shared app on that store and a workspace of the block's own, set before its tests run. */
export function keptWithWorkspace(kind: StoreKind): { kept: TestKept; ws: TestWorkspace } {
  const setup = {} as { kept: TestKept; ws: TestWorkspace };
  beforeAll(async () => {
    setup.kept = await testKept(kind);
    setup.ws = await createTestWorkspace(setup.kept);
  });
  return setup;
}
