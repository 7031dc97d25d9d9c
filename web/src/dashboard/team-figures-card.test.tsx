import { describe, expect, it, vi } from 'vitest';
import { act, render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import type { ServiceMetricsResponse } from '@kept/contract/api-types.ts';
import i18n from '../i18n/i18n.ts';
import { TeamFiguresCard } from './team-figures-card.tsx';

// The canvas chart is ECharts' business; here only the words and numbers around it.
vi.mock('./echart.tsx', () => ({
  EChart: ({ ariaLabel, testId }: { ariaLabel: string; testId: string }) => (
    <div role="img" aria-label={ariaLabel} data-testid={testId} />
  ),
}));

const withTeams = (rows: ServiceMetricsResponse['firstResponseByTeam']) =>
  ({ firstResponseByTeam: rows }) as unknown as ServiceMetricsResponse;

async function renderCard(language: string, metrics: ServiceMetricsResponse) {
  await act(async () => {
    await i18n.changeLanguage(language);
  });
  render(
    <MantineProvider>
      <TeamFiguresCard metrics={metrics} option={{}} />
    </MantineProvider>,
  );
}

describe('first response by team on the dashboard', () => {
  it('lists each team with its answers, median and 90th percentile; people without a team last', async () => {
    await renderCard(
      'en',
      withTeams([
        { team: '', p50: 5, p90: 9, count: 1 },
        { team: 'Billing', p50: 90, p90: 180, count: 4 },
      ]),
    );
    expect(screen.getByRole('img', { name: 'First response by team' })).toBeTruthy();
    const rows = screen
      .getAllByTestId('team-figures-row')
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows[0]?.[0]).toBe('Billing');
    expect(rows[0]?.[1]).toBe('4');
    expect(rows[1]?.[0]).toBe('No team');
  });

  it('says where to put people in teams while nobody is in one (Hebrew)', async () => {
    await renderCard('he', withTeams([{ team: '', p50: 5, p90: 9, count: 1 }]));
    expect(screen.getByTestId('chart-by-team-empty').textContent).toContain('שייכו אנשים לצוותים');
    expect(screen.queryByTestId('team-figures')).toBeNull();
  });
});
