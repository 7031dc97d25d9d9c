import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import i18n from '../i18n/i18n.ts';
import { useApi } from '../common/use-api.ts';
import { teamApi, type TeamView } from '../api/team-api.ts';
import { TeamsPanel } from './teams-panel.tsx';

const json = (body: unknown, status = 200) =>
  new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json' },
  });
const team = (id: string, name: string, memberCount = 0, hasCalendar = false): TeamView => ({
  id,
  name,
  memberCount,
  hasCalendar,
  createdAt: '2026-11-01T00:00:00.000Z',
});

/** A fake /teams API over an in-memory list; records every write. */
function mockTeams(initial: TeamView[]) {
  let teams = [...initial];
  const calls: Array<{ method: string; url: string; body?: unknown }> = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as { name?: string }) : undefined;
      if (method !== 'GET') calls.push({ method, url: String(url), body });
      const id = /\/teams\/([^/]+)$/.exec(String(url))?.[1];
      if (method === 'GET') return json({ teams });
      if (method === 'POST') {
        if (teams.some((x) => x.name.toLowerCase() === body?.name?.trim().toLowerCase()))
          return json({ error: { code: 'team.name_taken', message: 'taken', field: 'name' } }, 409);
        const created = team(`t${teams.length + 1}`, body!.name!.trim());
        teams = [...teams, created];
        return json(created, 201);
      }
      if (method === 'PATCH') {
        teams = teams.map((x) => (x.id === id ? { ...x, name: body!.name! } : x));
        return json(teams.find((x) => x.id === id));
      }
      teams = teams.filter((x) => x.id !== id);
      return json(null, 204);
    }),
  );
  return calls;
}

function Harness() {
  const teams = useApi(() => teamApi.list(), []);
  return <TeamsPanel teams={teams.data} loadError={teams.error} onChanged={teams.reload} />;
}

async function renderPanel(language = 'en') {
  await act(async () => {
    await i18n.changeLanguage(language);
  });
  await act(async () => {
    render(
      <MantineProvider>
        <Harness />
      </MantineProvider>,
    );
  });
}

const rowNames = () => screen.getAllByTestId('team-row').map((r) => r.querySelector('td')?.textContent);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('teams panel', () => {
  it('creates a team, refuses a name that differs only in case, renames and deletes an empty team after confirmation', async () => {
    const calls = mockTeams([team('t1', 'Billing', 2)]);
    await renderPanel();
    expect(await screen.findByTestId('teams-table')).toBeTruthy();
    expect(screen.getByTestId('team-members').textContent).toBe('2');

    fireEvent.change(screen.getByTestId('team-name'), { target: { value: 'Arabic line' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-create'));
    });
    await waitFor(() => expect(rowNames()).toEqual(['Billing', 'Arabic line']));
    expect((screen.getByTestId('team-name') as HTMLInputElement).value).toBe('');

    fireEvent.change(screen.getByTestId('team-name'), { target: { value: 'billing' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-create'));
    });
    expect((await screen.findByTestId('team-error')).textContent).toContain('already exists');

    await act(async () => {
      fireEvent.click(screen.getAllByTestId('team-rename')[1]!);
    });
    fireEvent.change(await screen.findByTestId('team-rename-name'), { target: { value: 'Arabic desk' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-confirm'));
    });
    await waitFor(() => expect(rowNames()).toEqual(['Billing', 'Arabic desk']));

    await act(async () => {
      fireEvent.click(screen.getAllByTestId('team-delete')[1]!);
    });
    expect((await screen.findByTestId('team-delete-text')).textContent).toContain('will be removed');
    await act(async () => {
      fireEvent.click(screen.getByTestId('team-confirm'));
    });
    await waitFor(() => expect(rowNames()).toEqual(['Billing']));
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/teams',
      'POST /api/v1/teams',
      'PATCH /api/v1/teams/t2',
      'DELETE /api/v1/teams/t2',
    ]);
    expect(calls[2]!.body).toEqual({ name: 'Arabic desk' });
  });

  it('does not offer to delete a team that still has people or its own hours', async () => {
    const calls = mockTeams([team('t1', 'Billing', 3, true)]);
    await renderPanel();
    await act(async () => {
      fireEvent.click(await screen.findByTestId('team-delete'));
    });
    expect((await screen.findByTestId('team-delete-text')).textContent).toContain('now 3');
    expect((screen.getByTestId('team-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toEqual([]);
  });

  it('speaks Arabic: title, columns and the empty state', async () => {
    mockTeams([]);
    await renderPanel('ar');
    expect((await screen.findByTestId('teams-empty')).textContent).toContain('لا توجد فرق بعد');
    expect(screen.getByTestId('teams-panel').textContent).toContain('الفرق');
    expect(screen.getByTestId('team-create').textContent).toBe('إنشاء فريق');
  });
});
