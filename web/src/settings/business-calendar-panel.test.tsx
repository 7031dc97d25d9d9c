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

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

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
