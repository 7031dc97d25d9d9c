import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { UserView } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import type { TeamView } from '../api/team-api.ts';
import { UsersPanel } from './users-panel.tsx';

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const teams: TeamView[] = [
  { id: 't1', name: 'Billing', memberCount: 0, hasCalendar: false, createdAt: '2026-11-01T00:00:00.000Z' },
];
const layla: UserView = {
  id: 'u1',
  name: 'Layla Haddad',
  email: 'layla@kept.test',
  role: 'agent',
  languages: ['ar', 'en'],
  teamId: null,
  capacity: 20,
  active: true,
  openCases: 3,
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('people panel: teams', () => {
  it('puts a person in a team and out again through PATCH /users/:id, and tells the settings page', async () => {
    const patches: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'PATCH') {
          const body = JSON.parse(String(init.body)) as { teamId: string | null };
          patches.push({ url, body });
          return json({ ...layla, teamId: body.teamId });
        }
        return json({ users: [layla] });
      }),
    );
    const onTeamsChanged = vi.fn();
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    await act(async () => {
      render(
        <MantineProvider>
          <UsersPanel teams={teams} onTeamsChanged={onTeamsChanged} />
        </MantineProvider>,
      );
    });
    const select = (await screen.findByTestId('user-team')) as HTMLSelectElement;
    expect(select.value).toBe('');
    expect(select.getAttribute('aria-label')).toBe('Team of Layla Haddad');
    expect([...select.options].map((o) => o.textContent)).toEqual(['No team', 'Billing']);
    expect(screen.getByTestId('user-row').textContent).toContain('3'); // open cases

    await act(async () => {
      fireEvent.change(select, { target: { value: 't1' } });
    });
    await waitFor(() => expect((screen.getByTestId('user-team') as HTMLSelectElement).value).toBe('t1'));
    await act(async () => {
      fireEvent.change(screen.getByTestId('user-team'), { target: { value: '' } });
    });
    await waitFor(() => expect((screen.getByTestId('user-team') as HTMLSelectElement).value).toBe(''));
    expect(patches).toEqual([
      { url: '/api/v1/users/u1', body: { teamId: 't1' } },
      { url: '/api/v1/users/u1', body: { teamId: null } },
    ]);
    expect(onTeamsChanged).toHaveBeenCalledTimes(2);
  });
});
