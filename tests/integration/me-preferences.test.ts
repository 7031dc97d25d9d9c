// A person's preferences on the server (issue 16): the timeline's order, system events, kept promises; both stores.
import { beforeAll, expect } from 'vitest';
import type { UserPreferences } from '../../src/contract/preference-types.ts';
import { describeOnEachStore } from './support/each-store.ts';
import { createTestWorkspace, type TestStaff, type TestWorkspace } from './support/factories.ts';
import { json } from './support/test-kept.ts';

const DEFAULTS: UserPreferences = { timeline: { newestFirst: false, hideSystem: false, foldKeptPromises: true } };

describeOnEachStore('my preferences', (kept, run) => {
  let a: TestWorkspace;
  const get = async (ws: TestWorkspace, as: TestStaff) =>
    json<UserPreferences>(await ws.request(as, { method: 'GET', url: '/api/v1/me/preferences' }));
  const put = (ws: TestWorkspace, as: TestStaff | null, payload: unknown) =>
    ws.request(as, { method: 'PUT', url: '/api/v1/me/preferences', payload: payload as Record<string, unknown> });

  beforeAll(async () => {
    if (!kept()) return;
    a = await createTestWorkspace(kept());
  });

  run('needs a login (401) and a body of known preferences (400 naming the field)', async () => {
    expect((await a.request(null, { method: 'GET', url: '/api/v1/me/preferences' })).statusCode).toBe(401);
    expect((await put(a, null, DEFAULTS)).statusCode).toBe(401);
    for (const [field, payload] of [
      ['timeline.newestFirst', { timeline: { ...DEFAULTS.timeline, newestFirst: 'yes' } }],
      ['timeline.foldKeptPromises', { timeline: { newestFirst: true, hideSystem: true } }],
      ['timeline.colour', { timeline: { ...DEFAULTS.timeline, colour: 'red' } }],
      ['theme', { ...DEFAULTS, theme: 'dark' }],
    ] as const) {
      const bad = await put(a, a.agentEn, payload);
      expect(bad.statusCode, field).toBe(400);
      expect(json(bad).error.field, field).toBe(field);
    }
  });

  run('a first visit answers the defaults; a choice is kept for that person only', async () => {
    expect(await get(a, a.agentAr)).toEqual(DEFAULTS);
    const chosen = { timeline: { newestFirst: true, hideSystem: true, foldKeptPromises: false } };
    const saved = await put(a, a.agentAr, chosen);
    expect(saved.statusCode).toBe(200);
    expect(json(saved)).toEqual(chosen);
    expect(await get(a, a.agentAr)).toEqual(chosen);
    expect(await get(a, a.agentRu)).toEqual(DEFAULTS);
    const again = { timeline: { ...chosen.timeline, hideSystem: false } };
    await put(a, a.agentAr, again);
    expect(await get(a, a.agentAr)).toEqual(again);
  });
});
