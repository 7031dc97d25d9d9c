import { Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ServiceMetricsResponse } from '@kept/contract/api-types.ts';
import { useFormat } from '../i18n/use-format.ts';
import { teamRows } from './chart-options.ts';
import { EChart, type ChartOption } from './echart.tsx';

/**
 * First response per team (K7): the chart, and the same figures as a table, because a lead
 * compares teams by their numbers and a canvas cannot be read by a screen reader.
 */
export function TeamFiguresCard({ metrics, option }: { metrics: ServiceMetricsResponse; option: ChartOption }) {
  const { t } = useTranslation();
  const format = useFormat();
  const title = t('teams.dashboard.byTeam');
  // Only "No team" (or nothing at all) means nobody is in a team yet: say where to change that.
  if (!metrics.firstResponseByTeam.some((r) => r.team)) {
    return (
      <Paper withBorder p="md" data-testid="chart-by-team-empty">
        <Title order={5} mb="xs">
          {title}
        </Title>
        <Text c="dimmed">{t('teams.dashboard.noTeams')}</Text>
      </Paper>
    );
  }
  const rows = teamRows(metrics);
  return (
    <Paper withBorder p="md">
      <Title order={5} mb="xs">
        {title}
      </Title>
      <EChart option={option} ariaLabel={title} testId="chart-by-team" height={220} />
      <Table mt="xs" data-testid="team-figures">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('teams.team')}</Table.Th>
            <Table.Th>{t('teams.dashboard.answered')}</Table.Th>
            <Table.Th>{t('teams.dashboard.median')}</Table.Th>
            <Table.Th>{t('teams.dashboard.p90')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.team} data-testid="team-figures-row">
              <Table.Td>
                <bdi>{r.team || t('teams.none')}</bdi>
              </Table.Td>
              <Table.Td>{format.number(r.count)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.duration(r.p50)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.duration(r.p90)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
