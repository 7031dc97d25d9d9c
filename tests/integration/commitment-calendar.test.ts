import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse } from '../../src/contract/api-types.ts';
import type { RecognizeResponse } from '../../src/contract/promise-api-types.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { testKept, json, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

// Issue 18: a commitment recognised in a reply counts business days on the workspace's
// business calendar (closed weekdays and holidays), not on the language's usual weekend.
describe.each<StoreKind>(['pglite', 'postgres'])('commitments on the workspace calendar on %s', (kind) => {
  let kept: TestKept;
  let ws: TestWorkspace;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
  });
  afterEach(() => kept?.clock.reset());
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  run('"within 4 business days" skips the calendar’s Friday–Saturday weekend and its holiday', async () => {
    ws = await createTestWorkspace(kept);
    kept.clock.set(new Date('2026-03-02T10:00:00Z'));
    const created = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: 'Jane Roe', email: `jane-${Math.random().toString(36).slice(2)}@example.com` },
        channel: 'email',
        subject: 'Router',
        body: 'My router stopped working yesterday, please help.',
      },
    });
    expect(created.statusCode).toBe(201);
    const caseId = json<CaseDetailResponse>(created).case.id;
    const recognize = async (text: string) =>
      json<RecognizeResponse>(
        await ws.request(ws.agentEn, { method: 'POST', url: '/api/v1/promises/recognize', payload: { caseId, text } }),
      );
    const text = 'We will send you the replacement within 4 business days.';
    // The language's usual weekend (Saturday–Sunday): Tuesday to Friday.
    expect((await recognize(text)).suggestions[0]?.dueAt).toBe('2026-03-06T17:00:00.000Z');

    const hours = [[540, 1020]];
    const put = await ws.request(ws.admin, {
      method: 'PUT',
      url: '/api/v1/promises/calendars',
      payload: { timeZone: 'UTC', weeklyHours: [hours, hours, hours, hours, hours, [], []], holidays: ['2026-03-03'] },
    });
    expect(put.statusCode).toBeLessThan(300);
    // Sunday–Thursday with Tuesday a holiday: Wednesday, Thursday, Sunday, Monday.
    expect((await recognize(text)).suggestions[0]?.dueAt).toBe('2026-03-09T17:00:00.000Z');
  });
});
