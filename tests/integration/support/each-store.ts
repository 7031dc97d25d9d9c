import { afterEach, beforeAll, describe, it } from 'vitest';
import { createTestWorkspace, type TestWorkspace } from './factories.ts';
import { testKept, type TestKept } from './test-kept.ts';
import { canUsePostgres, type StoreKind } from './test-stores.ts';

const postgres = await canUsePostgres();

/**
 * The usual frame of an API test: the same tests on PGlite and on PostgreSQL, against the
 * shared app (`kept()`, ready inside tests), with `run` skipping where PostgreSQL cannot be
 * reached and the test clock set free after each test.
 */
export function describeOnEachStore(
  title: string,
  body: (kept: () => TestKept, run: typeof it | typeof it.skip) => void,
): void {
  describe.each<StoreKind>(['pglite', 'postgres'])(`${title} on %s`, (kind) => {
    const skipped = kind === 'postgres' && !postgres;
    let kept: TestKept | undefined;
    beforeAll(async () => {
      if (!skipped) kept = await testKept(kind);
    });
    afterEach(() => kept?.clock.reset());
    body(() => kept!, skipped ? it.skip : it);
  });
}

/** The body once per store, titled "<title> (<kind>)"; the PostgreSQL half is skipped, loudly, without a server. */
export async function describeEachStore(title: string, body: (kind: StoreKind) => void): Promise<void> {
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
