import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import i18n from '../i18n/i18n.ts';
import { BusinessCalendarPanel, type BusinessCalendarView } from './business-calendar-panel.tsx';

const day: Array<[number, number]> = [[540, 1020]];
const existing: BusinessCalendarView = {
  id: 'cal-1',
  teamId: null,
  timeZone: 'Asia/Jerusalem',
  // index 0 = Sunday: open Sunday to Thursday.
  weeklyHours: [day, day, day, day, day, [], []],
  holidays: ['2026-09-21'],
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function mockApi(calendars: BusinessCalendarView[]) {
  const puts: unknown[] = [];
  const fetchMock = vi.fn(async (url: string, init?: RequestInit) => {
    if (String(url).endsWith('/promises/calendars') && init?.method === 'PUT') {
      const body = JSON.parse(String(init.body)) as Omit<BusinessCalendarView, 'id'>;
      puts.push(body);
      return json({ calendars: [{ ...body, id: 'cal-1', teamId: null }] });
    }
    if (String(url).endsWith('/promises/calendars')) return json({ calendars });
    return json({ error: { code: 'not_found', message: 'no' } }, 404);
  });
  vi.stubGlobal('fetch', fetchMock);
  return puts;
}

const renderPanel = () =>
  render(
    <MantineProvider>
      <BusinessCalendarPanel />
    </MantineProvider>,
  );

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('business calendar panel', () => {
  it('loads the workspace calendar, closes Sunday, adds a holiday and saves', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    const puts = mockApi([existing]);
    await act(async () => {
      renderPanel();
    });
    expect(await screen.findByTestId('calendar-days')).toBeTruthy();
    expect(screen.queryByTestId('calendar-none')).toBeNull();
    expect(screen.getByTestId('calendar-day-0').textContent).toContain('Sunday');
    expect((screen.getByTestId('calendar-start-0') as HTMLInputElement).value).toBe('09:00');
    expect(screen.queryByTestId('calendar-start-5')).toBeNull(); // Friday is closed

    fireEvent.click(screen.getByTestId('calendar-open-0'));
    expect(screen.queryByTestId('calendar-start-0')).toBeNull();

    fireEvent.change(screen.getByTestId('calendar-holiday-date'), { target: { value: '2026-04-02' } });
    fireEvent.click(screen.getByTestId('calendar-holiday-add'));
    expect(screen.getAllByTestId('calendar-holiday')).toHaveLength(2);

    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-save'));
    });
    await waitFor(() => expect(screen.getByTestId('calendar-saved')).toBeTruthy());
    expect(puts).toEqual([
      {
        teamId: null,
        timeZone: 'Asia/Jerusalem',
        weeklyHours: [[], day, day, day, day, [], []],
        holidays: ['2026-04-02', '2026-09-21'],
      },
    ]);
  });

  it('without a saved calendar it suggests Mon–Fri 09:00–17:00 and says quotes count all hours', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    const puts = mockApi([]);
    await act(async () => {
      renderPanel();
    });
    expect((await screen.findByTestId('calendar-none')).textContent).toContain('all hours');
    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-save'));
    });
    await waitFor(() => expect(puts).toHaveLength(1));
    expect((puts[0] as { weeklyHours: unknown }).weeklyHours).toEqual([[], day, day, day, day, day, []]);
  });
});

describe('business calendar panel: a team’s own hours', () => {
  const billing = {
    id: 't1',
    name: 'Billing',
    memberCount: 2,
    hasCalendar: false,
    createdAt: '2026-11-01T00:00:00.000Z',
  };

  it('starts a team without hours from a copy of the workspace’s, saves them for the team, and can give them up', async () => {
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    const writes: Array<{ method: string; url: string; body?: unknown }> = [];
    let calendars: BusinessCalendarView[] = [existing];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const method = init?.method ?? 'GET';
        if (method === 'PUT') {
          const body = JSON.parse(String(init!.body)) as Omit<BusinessCalendarView, 'id'>;
          writes.push({ method, url, body });
          calendars = [...calendars, { ...body, id: 'cal-2' }];
          return json({ calendars });
        }
        if (method === 'DELETE') {
          writes.push({ method, url });
          return new Response(null, { status: 204 });
        }
        return json({ calendars });
      }),
    );
    const onTeamsChanged = vi.fn();
    await act(async () => {
      render(
        <MantineProvider>
          <BusinessCalendarPanel teams={[billing]} onTeamsChanged={onTeamsChanged} />
        </MantineProvider>,
      );
    });
    const scope = (await screen.findByTestId('calendar-scope')) as HTMLSelectElement;
    expect(scope.selectedOptions[0]?.textContent).toBe('The whole workspace');
    await act(async () => {
      fireEvent.change(scope, { target: { value: 't1' } });
    });
    expect((await screen.findByTestId('calendar-follows-workspace')).textContent).toContain(
      'Billing has no hours of its own',
    );
    expect((screen.getByTestId('calendar-start-0') as HTMLInputElement).value).toBe('09:00'); // the workspace's Sunday, copied
    expect(screen.queryByTestId('calendar-use-workspace')).toBeNull();

    fireEvent.change(screen.getByTestId('calendar-start-0'), { target: { value: '10:00' } });
    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-save'));
    });
    await waitFor(() => expect(screen.getByTestId('calendar-saved')).toBeTruthy());
    expect(writes[0]).toMatchObject({ method: 'PUT', body: { teamId: 't1', timeZone: 'Asia/Jerusalem' } });
    expect((writes[0]!.body as { weeklyHours: unknown[] }).weeklyHours[0]).toEqual([[600, 1020]]);
    expect(screen.queryByTestId('calendar-follows-workspace')).toBeNull();
    expect(onTeamsChanged).toHaveBeenCalledTimes(1);

    await act(async () => {
      fireEvent.click(screen.getByTestId('calendar-use-workspace'));
    });
    expect((await screen.findByTestId('calendar-team-removed')).textContent).toContain(
      'Billing follows the workspace calendar again',
    );
    expect(writes[1]).toEqual({ method: 'DELETE', url: '/api/v1/teams/t1/calendar' });
    expect(onTeamsChanged).toHaveBeenCalledTimes(2);
  });

  it('shows no selector while there are no teams', async () => {
    mockApi([existing]);
    await act(async () => {
      render(
        <MantineProvider>
          <BusinessCalendarPanel teams={[]} />
        </MantineProvider>,
      );
    });
    expect(await screen.findByTestId('calendar-days')).toBeTruthy();
    expect(screen.queryByTestId('calendar-scope')).toBeNull();
  });
});
