import { afterEach, beforeAll, describe, it } from 'vitest';
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
