import { describe, expect, it } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { ServiceMetricsResponse, TimeFigures } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import { TimeByGroupCard } from './time-by-group-card.tsx';

const figures = (key: string, overrides: Partial<TimeFigures> = {}): TimeFigures => ({
  key,
  cases: 4,
  firstResponse: { count: 3, p50: 30, p90: 90 },
  wait: { count: 5, p50: 60, p90: 1440 },
  totalWait: { p50: 120, p90: 2880 },
  handoffs: { mean: 1.5, p90: 3 },
  ...overrides,
});

const metrics = {
  timeByTeam: [figures('Billing'), figures('', { cases: 1 })],
  timeByChannel: [figures('email'), figures('fax', { cases: 2 })],
} as unknown as ServiceMetricsResponse;

async function renderCard(language: string) {
  await act(async () => {
    await i18n.changeLanguage(language);
  });
  render(
    <MantineProvider>
      <TimeByGroupCard metrics={metrics} />
    </MantineProvider>,
  );
}

const cells = () =>
  screen.getAllByTestId('time-by-group-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));

describe('respect for time by team and channel on the dashboard', () => {
  it('shows each team with its waits and handoffs, then each channel when asked', async () => {
    await renderCard('en');
    expect(screen.getByRole('table', { name: 'Respect for time by team and channel' })).toBeTruthy();
    expect(cells().map((r) => r[0])).toEqual(['Billing', 'No team']);
    expect(cells()[0]?.[1]).toBe('4');
    expect(cells()[0]?.[6]).toBe('1.5');
    await act(async () => {
      fireEvent.click(screen.getByText('By channel'));
    });
    expect(cells().map((r) => r[0])).toEqual(['E-mail', 'Fax']);
  });

  it('in Russian', async () => {
    await renderCard('ru');
    expect(screen.getByText('По каналам')).toBeTruthy();
    expect(screen.getByText('Общее ожидание на обращение, медиана')).toBeTruthy();
  });
});
