import { beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailResponse, ServiceMetricsResponse, UserView } from '../../src/contract/api-types.ts';
import type { TeamListResponse, TeamView } from '../../src/contract/team-api-types.ts';
import { teams } from '../../src/db/schema.ts';
import { isUniqueViolation } from '../../src/db/pg-error.ts';
import { createTestWorkspace, type TestWorkspace } from './support/factories.ts';
import { json, testKept, type TestKept } from './support/test-kept.ts';
import { canUsePostgres, type StoreKind } from './support/test-stores.ts';

const postgres = await canUsePostgres();

describe.each<StoreKind>(['pglite', 'postgres'])('teams on %s', (kind) => {
  let kept: TestKept;
  let a: TestWorkspace;
  let b: TestWorkspace;
  const run = kind === 'postgres' && !postgres ? it.skip : it;

  beforeAll(async () => {
    if (kind === 'postgres' && !postgres) return;
    kept = await testKept(kind);
    a = await createTestWorkspace(kept);
    b = await createTestWorkspace(kept);
  });

  const create = (ws: TestWorkspace, name: string) =>
    ws.request(ws.admin, { method: 'POST', url: '/api/v1/teams', payload: { name } });
  const list = async (ws: TestWorkspace) =>
    json<TeamListResponse>(await ws.request(ws.agentEn, { method: 'GET', url: '/api/v1/teams' })).teams;
  const setTeam = (ws: TestWorkspace, userId: string, teamId: string | null) =>
    ws.request(ws.admin, { method: 'PATCH', url: `/api/v1/users/${userId}`, payload: { teamId } });

  run('needs a session (401), admin for writes (403), and a valid body (400)', async () => {
    expect((await a.request(null, { method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(401);
    expect(
      (await a.request(null, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Tier 1' } })).statusCode,
    ).toBe(401);
    expect(
      (await a.request(a.agentEn, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Tier 1' } })).statusCode,
    ).toBe(403);
    expect(
      (await a.request(a.supervisor, { method: 'DELETE', url: '/api/v1/teams/00000000-0000-4000-8000-000000000000' }))
        .statusCode,
    ).toBe(403);

    const empty = await create(a, '   ');
    expect(empty.statusCode).toBe(400);
    expect(json(empty).error).toMatchObject({ code: 'request.invalid', field: 'name' });
    expect(
      (await a.request(a.admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'x'.repeat(81) } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await a.request(a.admin, { method: 'POST', url: '/api/v1/teams', payload: { name: 'Tier 1', colour: 'red' } }))
        .statusCode,
    ).toBe(400);
    expect(
      (await a.request(a.admin, { method: 'PATCH', url: '/api/v1/teams/not-an-id', payload: { name: 'Tier 1' } }))
        .statusCode,
    ).toBe(400);
    const badTeam = await a.request(a.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${a.agentEn.id}`,
      payload: { teamId: 'billing' },
    });
    expect(badTeam.statusCode).toBe(400);
    expect(json(badTeam).error.field).toBe('teamId');
  });

  run("a new password for another workspace's user is 404, like any change to them", async () => {
    const foreign = await a.request(a.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${b.agentEn.id}`,
      payload: { password: 'a-long-enough-passphrase-2026' },
    });
    expect(foreign.statusCode).toBe(404);
    const own = await a.request(a.admin, {
      method: 'PATCH',
      url: `/api/v1/users/${a.agentRu.id}`,
      payload: { password: 'a-long-enough-passphrase-2026' },
    });
    expect(own.statusCode).toBe(200);
  });

  run('creates, lists for staff, renames, and keeps names unique regardless of case', async () => {
    const created = await create(a, '  Billing   desk ');
    expect(created.statusCode).toBe(201);
    const billing = json<TeamView>(created);
    expect(billing).toMatchObject({ name: 'Billing desk', memberCount: 0, hasCalendar: false });

    const clash = await create(a, 'BILLING DESK');
    expect(clash.statusCode).toBe(409);
    expect(json(clash).error).toMatchObject({ code: 'team.name_taken', field: 'name' });

    // Two admins at the same instant: the unique index decides, and the loser gets the same 409.
    const raced = await Promise.all([create(a, 'Night desk'), create(a, 'NIGHT desk'), create(a, 'night DESK')]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(raced.filter((r) => r.statusCode === 409).map((r) => json(r).error.code)).toEqual([
      'team.name_taken',
      'team.name_taken',
    ]);
    expect(
      (
        await a.request(a.admin, {
          method: 'DELETE',
          url: `/api/v1/teams/${json<TeamView>(raced.find((r) => r.statusCode === 201)!).id}`,
        })
      ).statusCode,
    ).toBe(204);
    // The index itself, past the check in code.
    const duplicate = kept.store.db.insert(teams).values({ workspaceId: a.id, name: 'billing DESK' });
    const rejected = await duplicate.then(
      () => null,
      (e: unknown) => e,
    );
    expect(isUniqueViolation(rejected, 'teams_workspace_name_key')).toBe(true);

    const tier = json<TeamView>(await create(a, 'Arabic line'));
    expect((await list(a)).map((t) => t.name)).toEqual(['Arabic line', 'Billing desk']);

    const renameClash = await a.request(a.admin, {
      method: 'PATCH',
      url: `/api/v1/teams/${tier.id}`,
      payload: { name: 'billing desk' },
    });
    expect(renameClash.statusCode).toBe(409);
    // Changing only the case of its own name is allowed.
    const recased = await a.request(a.admin, {
      method: 'PATCH',
      url: `/api/v1/teams/${billing.id}`,
      payload: { name: 'Billing Desk' },
    });
    expect(recased.statusCode).toBe(200);
    expect(json<TeamView>(recased).name).toBe('Billing Desk');
  });

  run('puts people in a team and out again; deleting is refused while it has people or its own hours', async () => {
    const team = json<TeamView>(await create(a, 'Tier 2'));
    const joined = await setTeam(a, a.agentRu.id, team.id);
    expect(joined.statusCode).toBe(200);
    expect(json<UserView>(joined).teamId).toBe(team.id);
    const users = json<{ users: UserView[] }>(await a.request(a.admin, { method: 'GET', url: '/api/v1/users' })).users;
    expect(users.find((u) => u.id === a.agentRu.id)?.teamId).toBe(team.id);
    expect((await list(a)).find((t) => t.id === team.id)?.memberCount).toBe(1);

    const refused = await a.request(a.admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}` });
    expect(refused.statusCode).toBe(409);
    expect(json(refused).error.code).toBe('team.not_empty');
    expect(json(refused).error.message).toContain('1 person');

    expect(json<UserView>(await setTeam(a, a.agentRu.id, null)).teamId).toBeNull();

    // Its own business hours also keep it; removing them lets it go.
    const week = [[], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], [[540, 1020]], []];
    const calendar = await a.request(a.admin, {
      method: 'PUT',
      url: '/api/v1/promises/calendars',
      payload: { teamId: team.id, timeZone: 'Europe/Moscow', weeklyHours: week, holidays: [] },
    });
    expect(calendar.statusCode).toBe(200);
    expect((await list(a)).find((t) => t.id === team.id)?.hasCalendar).toBe(true);
    const stillRefused = await a.request(a.admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}` });
    expect(stillRefused.statusCode).toBe(409);
    expect(json(stillRefused).error.message).toContain('business hours');
    expect((await a.request(a.admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}/calendar` })).statusCode).toBe(
      204,
    );

    expect((await a.request(a.admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}` })).statusCode).toBe(204);
    expect((await list(a)).some((t) => t.id === team.id)).toBe(false);
    expect((await a.request(a.admin, { method: 'DELETE', url: `/api/v1/teams/${team.id}` })).statusCode).toBe(404);
  });

  run('another workspace’s teams are invisible and cannot be used', async () => {
    const theirs = json<TeamView>(await create(b, 'Night shift'));
    expect((await list(a)).some((t) => t.id === theirs.id)).toBe(false);
    expect(
      (await a.request(a.admin, { method: 'PATCH', url: `/api/v1/teams/${theirs.id}`, payload: { name: 'Mine now' } }))
        .statusCode,
    ).toBe(404);
    expect((await a.request(a.admin, { method: 'DELETE', url: `/api/v1/teams/${theirs.id}` })).statusCode).toBe(404);
    expect((await setTeam(a, a.agentEn.id, theirs.id)).statusCode).toBe(404);
    const addToTheirs = await a.request(a.admin, {
      method: 'POST',
      url: '/api/v1/users',
      payload: {
        name: 'Eve Intruder',
        email: `eve-${Date.now()}@kept.test`,
        password: 'correct-horse-battery',
        role: 'agent',
        teamId: theirs.id,
      },
    });
    expect(addToTheirs.statusCode).toBe(404);
    const week = Array.from({ length: 7 }, () => []);
    const calendar = await a.request(a.admin, {
      method: 'PUT',
      url: '/api/v1/promises/calendars',
      payload: { teamId: theirs.id, timeZone: 'UTC', weeklyHours: week, holidays: [] },
    });
    expect(calendar.statusCode).toBe(404);
    // The same name is free in another workspace.
    expect((await create(a, 'night SHIFT')).statusCode).toBe(201);
    expect((await b.request(b.agentEn, { method: 'GET', url: '/api/v1/teams' })).statusCode).toBe(200);
    expect((await list(b)).map((t) => t.name)).toEqual(['Night shift']);
  });

  run('first response is reported per team once people are in one', async () => {
    const ws = await createTestWorkspace(kept);
    const team = json<TeamView>(await create(ws, 'English line'));
    for (const person of [ws.agentEn, ws.agentAr, ws.supervisor])
      expect((await setTeam(ws, person.id, team.id)).statusCode).toBe(200);
    const opened = await ws.request(ws.agentEn, {
      method: 'POST',
      url: '/api/v1/cases',
      payload: {
        customer: { name: 'Jane Roe', email: `jane-${Date.now()}@example.com` },
        channel: 'email',
        subject: 'Router',
        body: 'My router stopped working yesterday, please help.',
      },
    });
    expect(opened.statusCode).toBe(201);
    const c = json<CaseDetailResponse>(opened);
    const answered = await ws.request(ws.agentEn, {
      method: 'POST',
      url: `/api/v1/cases/${c.case.id}/messages`,
      payload: { direction: 'outbound', channel: 'email', body: 'We are on it.' },
    });
    expect(answered.statusCode).toBe(201);
    // The people list counts each owner's open cases (it read 0 for everyone before).
    const people = json<{ users: UserView[] }>(
      await ws.request(ws.admin, { method: 'GET', url: '/api/v1/users' }),
    ).users;
    expect(people.find((u) => u.id === c.case.owner?.id)?.openCases).toBe(1);
    const from = new Date(Date.now() - 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const metrics = json<ServiceMetricsResponse>(
      await ws.request(ws.supervisor, {
        method: 'GET',
        url: `/api/v1/metrics/service?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      }),
    );
    expect(metrics.firstResponseByTeam).toEqual([expect.objectContaining({ team: 'English line', count: 1 })]);
    // K7's other figures per team and per channel: the one wait ended with the answer.
    expect(metrics.timeByTeam).toEqual([
      expect.objectContaining({
        key: 'English line',
        cases: 1,
        firstResponse: expect.objectContaining({ count: 1 }),
        wait: expect.objectContaining({ count: 1 }),
        handoffs: { mean: 0, p90: 0 },
      }),
    ]);
    expect(metrics.timeByChannel.map((g) => [g.key, g.cases])).toEqual([['email', 1]]);
    expect(metrics.timeByTeam[0]!.totalWait.p50).toBe(metrics.timeByTeam[0]!.wait.p50);
  });
});
